#pragma once

#include "secrets/tokenkey.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QLabel;

namespace rc::secrets {
class TokenHealthCheck;
class TokenStore;
struct KeychainStatus;
struct TokenHealthReport;
}  // namespace rc::secrets

namespace rc::ui {

class PreviewPane;
class TokensDialog;
class ReleaseForm;

// The main window: the release form on the left, what would be sent on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit MainWindow(Clock clock = &QDateTime::currentDateTimeUtc, QWidget *parent = nullptr);
    ~MainWindow() override;

    ReleaseForm *form() const { return m_form; }
    PreviewPane *preview() const { return m_preview; }

    // Reads an __init__.py from disk into the form; false (and a message in the status bar)
    // when it cannot be read.
    bool loadInitFile(const QString &path);
    // Enables Tools > Tokens and checks, once, that each forge has a usable token: a missing,
    // rejected or expired one opens the Tokens dialog on it; one expiring soon is shown in the
    // status bar. Both must outlive the window; `healthCheck` may be null.
    void setTokenServices(secrets::TokenStore *store, secrets::TokenHealthCheck *healthCheck);
    void openTokensDialog(const std::optional<secrets::TokenKey> &focus = std::nullopt,
                          const QString &reason = {});
    TokensDialog *tokensDialog() const;
    QString tokenStatusText() const;

    // The seed article's example release, so a newcomer sees a complete form at once.
    void fillWithExample();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void refresh();
    void chooseInitFile();
    void loadCommitMessageFile();
    void copyPayload();
    void savePayload();
    void checkTokens();
    void reviewKeychainStatus(const secrets::KeychainStatus &status);
    void checkStoredTokenHealth(const secrets::TokenKey &key);
    void reviewTokenHealth(const secrets::TokenKey &key, const secrets::TokenHealthReport &report);
    void setTokenStatus(const QString &text, const QString &toolTip = {});

    Clock m_clock;
    ReleaseForm *m_form = nullptr;
    PreviewPane *m_preview = nullptr;
    QByteArray m_currentPayload;
    secrets::TokenStore *m_tokenStore = nullptr;
    secrets::TokenHealthCheck *m_healthCheck = nullptr;
    QAction *m_tokensAction = nullptr;
    QPointer<TokensDialog> m_tokensDialog;
    QLabel *m_tokenStatus = nullptr;
};

}  // namespace rc::ui
