// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "release/patchlint.h"
#include "release/payload.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace rc::ui {

// Read-only view of exactly what would be sent: the JSON body with its size against GitHub's
// limit, and the generated patch with its printf-safety notes.
class PreviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewPane(QWidget *parent = nullptr);

    void showPayload(const release::Payload &payload, int problemCount);
    void showPatch(const QString &patch, const QString &unavailableReason,
                   const QList<release::PatchLintNote> &notes, release::PatchEncoding encoding);

    QString payloadText() const;

private:
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QLabel *m_payloadStatus = nullptr;
    QPlainTextEdit *m_patch = nullptr;
    QLabel *m_patchStatus = nullptr;
    QListWidget *m_lintNotes = nullptr;
};

}  // namespace rc::ui
