// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "desktop/appsettings.h"
#include "flow/dispatcher.h"
#include "flow/forgeclients.h"
#include "flow/preflight.h"
#include "release/releasecore.h"
#include "secrets/tokenkey.h"
#include "tarball/checksumjob.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QComboBox;
class QSystemTrayIcon;
class QTabWidget;
class QDockWidget;
class QLabel;

namespace rc::secrets {
class StartupTokenCheck;
class TokenHealthCheck;
class TokenStore;
struct StartupTokenVerdict;
}  // namespace rc::secrets

namespace rc::flow {
class ReleaseEnvironment;
}
namespace rc::forge {
struct CommitWithPipeline;
}
namespace rc::notify {
class DesktopNotifier;
}
namespace rc::watch {
struct RunSnapshot;
struct WatchTarget;
}  // namespace rc::watch

namespace rc::ui {

class ChecksumPanel;
class CommitPicker;
class MonitorWidget;
struct MonitorHeader;
class PreflightDialog;
class PreviewPane;
class TokensDialog;
class ReleaseForm;
class WelcomePage;

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

    // Connects the window to the forges: profiles, commit picker, checksum, preflight and
    // dispatch. The environment must outlive the window. In the sandbox a banner says so.
    void setEnvironment(flow::ReleaseEnvironment *environment);
    void selectProfile(const QString &name);
    std::optional<profiles::Profile> currentProfile() const { return m_profile; }
    CommitPicker *commitPicker() const { return m_commitPicker; }
    ChecksumPanel *checksumPanel() const { return m_checksumPanel; }
    PreflightDialog *openPreflight();
    const release::PreparedRelease &preparedRelease() const { return m_prepared; }
    bool isFetchingInitFile() const { return m_initFetch != nullptr; }
    // The runs being watched, one tab each (the dock appears with the first).
    QList<MonitorWidget *> monitors() const;

    // Tools > Settings (the poll bounds apply to runs watched from then on).
    const desktop::AppSettings &appSettings() const { return m_appSettings; }
    void applySettings(const desktop::AppSettings &settings);
    void openSettingsDialog();
    // What "Try the Sandbox" starts; by default this program with --sandbox, detached.
    void setSandboxLauncher(std::function<bool()> launcher)
    {
        m_sandboxLauncher = std::move(launcher);
    }
    WelcomePage *welcomePage() const { return m_welcome; }
    // A later launch of the app (single instance): raised, with its --profile selected.
    void handleLaunch(const QStringList &arguments);
    // The tray icon's tooltip while releases run; empty when none is being watched.
    QString runsSummary() const;

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
    void reviewStartupVerdict(const secrets::StartupTokenVerdict &verdict);
    void setTokenStatus(const QString &text, const QString &toolTip = {});
    void reloadProfiles(const QString &select);
    void applyProfile(const profiles::Profile &profile);
    // The keychain entries the current profile uses, else the public GitHub and GitLab ones.
    QList<secrets::TokenKey> tokenKeys() const;
    void setProfileTokenKeys(QList<secrets::TokenKey> keys);
    void useCommit(const forge::CommitWithPipeline &commit);
    void onChecksum(const tarball::ChecksumOutcome &outcome,
                    const tarball::ChecksumRequest &request);
    void suggestBuild();
    void openProfilesDialog();
    void watchDispatch(const flow::PreflightInput &input, const flow::PreflightReport &report,
                       const flow::DispatchReport &dispatch);
    void notifyOutcome(const MonitorHeader &header, const watch::RunSnapshot &snapshot);
    // Runs the ledger has as sent and not finished (the app closed mid-run): watched again.
    void watchUnfinishedRuns();
    // A ledger entry's run in a monitor: the one already watching it raised, else a new one.
    void watchLedgerEntry(const ledger::LedgerEntry &entry);
    void addMonitor(const profiles::Profile &profile, const watch::WatchTarget &target,
                    const MonitorHeader &header, qint64 ledgerId);
    void updateWelcome();
    void startSandbox();
    // A tray icon while releases run (where a tray exists): their state, click to raise.
    void updateRunsTray();
    void raiseWindow();

    Clock m_clock;
    ReleaseForm *m_form = nullptr;
    PreviewPane *m_preview = nullptr;
    release::PreparedRelease m_prepared;  // what the preview shows is what would be sent
    secrets::TokenStore *m_tokenStore = nullptr;
    secrets::TokenHealthCheck *m_healthCheck = nullptr;
    secrets::StartupTokenCheck *m_startupCheck = nullptr;
    QAction *m_tokensAction = nullptr;
    QPointer<TokensDialog> m_tokensDialog;
    QLabel *m_tokenStatus = nullptr;

    flow::ReleaseEnvironment *m_environment = nullptr;
    std::optional<profiles::Profile> m_profile;
    QList<secrets::TokenKey> m_profileTokenKeys;  // of the profile chosen last, see tokenKeys()
    std::unique_ptr<flow::ForgeClients> m_clients;
    std::optional<flow::ChecksumRecord> m_checksum;
    QString m_commitPipelineStatus;
    std::unique_ptr<QObject> m_initFetch;    // context of the __init__.py request in flight
    std::unique_ptr<QObject> m_buildLookup;  // context of the anaconda.org request in flight
    QString m_buildHint;
    QString m_buildAsked;  // profile|channel|version last asked of anaconda.org
    quint64 m_profileSelection = 0;
    bool m_profileLoading = false;
    QComboBox *m_profileCombo = nullptr;
    QLabel *m_sandboxBanner = nullptr;
    QDockWidget *m_commitDock = nullptr;
    CommitPicker *m_commitPicker = nullptr;
    ChecksumPanel *m_checksumPanel = nullptr;
    QAction *m_preflightAction = nullptr;
    QAction *m_profilesAction = nullptr;
    QAction *m_historyAction = nullptr;
    QDockWidget *m_runsDock = nullptr;
    QTabWidget *m_runTabs = nullptr;
    // Clients of the profiles whose runs are watched (a monitor outlives a profile switch).
    std::vector<std::unique_ptr<flow::ForgeClients>> m_watchClients;
    notify::DesktopNotifier *m_notifier = nullptr;
    QSystemTrayIcon *m_tray = nullptr;      // messages where no notification server exists
    QSystemTrayIcon *m_runsTray = nullptr;  // while releases run
    QUrl m_lastNotificationUrl;
    desktop::AppSettings m_appSettings;
    WelcomePage *m_welcome = nullptr;
    std::function<bool()> m_sandboxLauncher;
    QString m_dispatchId = release::newDispatchId();  // of the next dispatch; a new one after each
};

}  // namespace rc::ui
