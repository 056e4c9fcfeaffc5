// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "flow/dispatcher.h"
#include "flow/forgeclients.h"
#include "flow/preflight.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace rc::ledger {
class ReleaseLedger;
}

namespace rc::ui {

// One screen before sending (SPEC F7): every check with its state, reason and next step, the
// exact JSON and its size against GitHub's limits; Send asks for confirmation, sends at most
// once, and says what happened.
class PreflightDialog : public QDialog
{
    Q_OBJECT

public:
    // Asked before sending with the question; true sends. The default asks with a message box.
    using Confirm = std::function<bool(QWidget *parent, const QString &question)>;

    PreflightDialog(const flow::ForgeClients *clients, ledger::ReleaseLedger *ledger,
                    flow::PreflightInput input, QWidget *parent = nullptr);
    ~PreflightDialog() override;

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Dispatches tests use a short search for the run after an unclear answer.
    void setRunSearch(int attempts, std::chrono::milliseconds interval);

    const flow::PreflightReport &report() const;
    const flow::PreflightInput &input() const;
    bool isPreflightFinished() const;
    QPushButton *sendButton() const { return m_send; }
    QString outcomeText() const;
    const flow::Dispatcher *dispatcher() const { return m_dispatcher; }

    // Closing while a dispatch is in flight would abort it with its outcome unknown: refused.
    void reject() override;

signals:
    void dispatched(const rc::flow::DispatchReport &report);

private:
    void showCheck(int index);
    void onPreflightFinished();
    void send();
    void onDispatched();
    QString confirmationQuestion() const;

    const flow::ForgeClients *m_clients;
    ledger::ReleaseLedger *m_ledger;
    flow::Preflight *m_preflight = nullptr;
    QPointer<flow::Dispatcher> m_dispatcher;
    Confirm m_confirm;
    int m_findAttempts = 6;
    std::chrono::milliseconds m_findInterval {5000};
    QTreeWidget *m_checks = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_outcome = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_close = nullptr;
};

}  // namespace rc::ui
