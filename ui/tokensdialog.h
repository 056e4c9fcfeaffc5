// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/tokenkey.h"

#include <QDialog>
#include <QList>

#include <memory>
#include <vector>

class QLabel;
class QLayout;
class QScrollArea;
class QVBoxLayout;

namespace rc::secrets {
class TokenStore;
class TokenHealthCheck;
struct TokenHealth;
}  // namespace rc::secrets

namespace rc::ui {

// Tokens: per forge and host, a masked entry (show/hide, paste), Test, Save and Remove, the
// token's health as a short list, and every keychain error inline next to the token it concerns.
// When the keychain cannot be used a banner says so, and a saved token is kept for this run only.
class TokensDialog : public QDialog
{
    Q_OBJECT

public:
    // `store` must outlive the dialog. `keys` are shown first (e.g. the profile's hosts); other
    // entries found in the keychain are added. Without `healthCheck` (may be null) Test only
    // proves that the token can be read.
    TokensDialog(secrets::TokenStore &store, const QList<secrets::TokenKey> &keys,
                 secrets::TokenHealthCheck *healthCheck = nullptr, QWidget *parent = nullptr);
    ~TokensDialog() override;

    // Asks the keychain again for the state of every row.
    void refresh();
    // Brings one token's row into view, focused, with `reason` shown inline: for when the app
    // opens the dialog because that token is missing, rejected or about to expire.
    void focusToken(const secrets::TokenKey &key, const QString &reason);

private:
    struct Row;

    QLayout *createAddHostRow();
    Row &addRow(const secrets::TokenKey &key);
    Row *findRow(const secrets::TokenKey &key);
    void save(Row &row);
    void remove(Row &row);
    void test(Row &row);
    void showHealth(Row &row, const secrets::TokenHealth &health);
    void setRowMessage(Row &row, const QString &text, bool isError);
    void setRowBusy(Row &row, bool busy);
    void updateBanner();

    secrets::TokenStore &m_store;
    secrets::TokenHealthCheck *m_healthCheck;
    std::vector<std::unique_ptr<Row>> m_rows;
    QLabel *m_banner = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QScrollArea *m_scroll = nullptr;
};

}  // namespace rc::ui
