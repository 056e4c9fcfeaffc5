// SPDX-License-Identifier: BSD-3-Clause
#include "mainwindow.h"

#include "aboutdialog.h"
#include "checksumpanel.h"
#include "commitlistmodel.h"
#include "commitpicker.h"
#include "flow/releaseenvironment.h"
#include "flow/releasepreparation.h"
#include "flow/runname.h"
#include "flow/runrecorder.h"
#include "forge/servertext.h"
#include "historydialog.h"
#include "kitdialog.h"
#include "ledger/releaseledger.h"
#include "monitorwidget.h"
#include "notify/desktopnotifier.h"
#include "preflightdialog.h"
#include "previewpane.h"
#include "profilesdialog.h"
#include "release/releasecore.h"
#include "releaseform.h"
#include "secrets/startuptokencheck.h"
#include "secrets/tokenhealthcheck.h"
#include "secrets/tokenstore.h"
#include "settingsdialog.h"
#include "tokensdialog.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

constexpr int kStatusMessageMs = 6000;
const auto kDefaultEventType = u"conda-build"_s;

}  // namespace

MainWindow::MainWindow(Clock clock, QWidget *parent)
    : QMainWindow(parent)
    , m_clock(std::move(clock))
{
    setObjectName(u"mainWindow"_s);
    m_form = new ReleaseForm;
    m_preview = new PreviewPane;

    m_sandboxBanner = new QLabel(
        tr("Sandbox: a local GitHub, GitLab and anaconda.org with demo data and tokens. Nothing "
           "you do here reaches a real forge, your keychain, settings or release history."));
    m_sandboxBanner->setObjectName(u"sandboxBanner"_s);
    m_sandboxBanner->setWordWrap(true);
    m_sandboxBanner->setStyleSheet(
        u"background: #f5c542; color: #222; padding: 6px; font-weight: bold;"_s);
    m_sandboxBanner->hide();

    m_checksumPanel = new ChecksumPanel;
    m_checksumPanel->setEnabled(false);
    auto *preflightButton = new QPushButton(tr("&Preflight and Send…"));
    preflightButton->setObjectName(u"preflightButton"_s);
    preflightButton->setToolTip(tr("Run every check and show what will be sent (Ctrl+Shift+D)"));
    auto *steps = new QGroupBox(tr("Prepare and Send"));
    steps->setObjectName(u"releaseSteps"_s);
    auto *stepsLayout = new QVBoxLayout(steps);
    stepsLayout->addWidget(m_checksumPanel);
    stepsLayout->addWidget(preflightButton);
    auto *formColumn = new QWidget;
    auto *formColumnLayout = new QVBoxLayout(formColumn);
    formColumnLayout->setContentsMargins(0, 0, 0, 0);
    formColumnLayout->addWidget(m_sandboxBanner);
    m_welcome = new WelcomePage;
    m_welcome->hide();
    connect(m_welcome, &WelcomePage::createProfileRequested, this, &MainWindow::openProfilesDialog);
    connect(m_welcome, &WelcomePage::sandboxRequested, this, &MainWindow::startSandbox);
    formColumnLayout->addWidget(m_welcome);
    formColumnLayout->addWidget(steps);
    formColumnLayout->addWidget(m_form, 1);

    auto *formScroller = new QScrollArea;
    formScroller->setWidget(formColumn);
    formScroller->setWidgetResizable(true);
    formScroller->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter;
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->addWidget(formScroller);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_commitPicker = new CommitPicker;
    m_commitPicker->model()->setClock(m_clock);
    m_commitDock = new QDockWidget(tr("Commits"), this);
    m_commitDock->setObjectName(u"commitDock"_s);
    m_commitDock->setWidget(m_commitPicker);
    m_commitDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_commitDock);
    m_commitDock->hide();

    createMenus();
    m_preflightAction->setEnabled(false);
    preflightButton->setEnabled(false);
    connect(m_preflightAction, &QAction::changed, preflightButton, [this, preflightButton] {
        preflightButton->setEnabled(m_preflightAction->isEnabled());
    });
    connect(preflightButton, &QPushButton::clicked, this, [this] { openPreflight(); });
    connect(m_commitPicker, &CommitPicker::commitChosen, this, &MainWindow::useCommit);
    connect(m_checksumPanel, &ChecksumPanel::finished, this, &MainWindow::onChecksum);

    m_tokenStatus = new QLabel;
    m_tokenStatus->setObjectName(u"tokenStatus"_s);
    m_tokenStatus->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_tokenStatus);
    statusBar()->showMessage(tr("Paste a [conda-build] commit message or fill the form."));

    connect(m_form, &ReleaseForm::changed, this, &MainWindow::refresh);
    connect(m_form, &ReleaseForm::initFileRequested, this, &MainWindow::chooseInitFile);

    const QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray())) {
        // Most of a large screen (the commit titles and the JSON get the room), all of a small one.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1280, 800);
        resize(QSize(1180, 760).expandedTo(available * 0.9).boundedTo(available));
    }
    resizeDocks({m_commitDock}, {std::max(380, width() * 32 / 100)}, Qt::Horizontal);
    // The form needs its width (its banners wrap, its fields do not): the JSON gets the rest.
    if (!splitter->restoreState(settings.value(u"mainWindow/splitter"_s).toByteArray()))
        splitter->setSizes({480, 320});
    refresh();
}

MainWindow::~MainWindow()
{
    // Children losing focus while they are destroyed emit editingFinished; this window is
    // already gone by then.
    disconnect(m_form, nullptr, this, nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(QIcon::fromTheme(u"document-open"_s), tr("&Open __init__.py…"),
                                    this, &MainWindow::chooseInitFile);
    open->setShortcut(QKeySequence::Open);
    QAction *loadMessage =
        file->addAction(tr("Load Commit &Message…"), this, &MainWindow::loadCommitMessageFile);
    loadMessage->setShortcut(Qt::CTRL | Qt::Key_L);
    QAction *example =
        file->addAction(tr("Fill With &Example"), this, &MainWindow::fillWithExample);
    example->setObjectName(u"fillWithExample"_s);
    file->addSeparator();
    QAction *copy = file->addAction(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy JSON"), this,
                                    &MainWindow::copyPayload);
    copy->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    QAction *save = file->addAction(QIcon::fromTheme(u"document-save-as"_s), tr("&Save JSON As…"),
                                    this, &MainWindow::savePayload);
    save->setShortcut(QKeySequence::Save);
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this,
                                    &QWidget::close);
    // Not every platform theme binds Quit (offscreen, some X11 desktops): Ctrl+Q there.
    quit->setShortcut(
        QKeySequence::keyBindings(QKeySequence::Quit).value(0, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *release = menuBar()->addMenu(tr("&Release"));
    QAction *checksum =
        release->addAction(tr("Compute &Checksum"), this, [this] { m_checksumPanel->compute(); });
    checksum->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_K);
    m_preflightAction =
        release->addAction(tr("&Preflight and Send…"), this, [this] { openPreflight(); });
    m_preflightAction->setObjectName(u"openPreflight"_s);
    m_preflightAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_D);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_profilesAction = tools->addAction(tr("&Profiles…"), this, &MainWindow::openProfilesDialog);
    m_profilesAction->setObjectName(u"openProfiles"_s);
    m_profilesAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    m_profilesAction->setEnabled(false);
    m_historyAction = tools->addAction(tr("Release &History…"), this, [this] {
        if (!m_environment)
            return;
        auto *dialog = new HistoryDialog(m_environment->ledger(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &HistoryDialog::watchRequested, this, [this](qint64 entryId) {
            if (const auto entry = m_environment->ledger().entry(entryId))
                watchLedgerEntry(*entry);
        });
        dialog->show();
    });
    m_historyAction->setObjectName(u"openHistory"_s);
    m_historyAction->setShortcut(Qt::CTRL | Qt::Key_H);
    m_historyAction->setEnabled(false);
    m_tokensAction = tools->addAction(QIcon::fromTheme(u"dialog-password"_s), tr("&Tokens…"), this,
                                      [this] { openTokensDialog(); });
    m_tokensAction->setObjectName(u"openTokens"_s);
    m_tokensAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    m_tokensAction->setEnabled(false);

    QAction *kit = tools->addAction(tr("Recipes Repo &Kit…"), this, [this] {
        auto *dialog = new KitDialog(m_profile ? m_profile->recipe : QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &KitDialog::exported, this, [this](const QStringList &paths) {
            statusBar()->showMessage(
                tr("%n files of the recipes-repo kit written", nullptr, int(paths.size())), 10000);
        });
        dialog->open();
    });
    kit->setObjectName(u"openKit"_s);
    kit->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    kit->setToolTip(tr("A reference workflow and recipe for a new recipes repo, with the inputs "
                       "this app sends"));
    tools->addSeparator();
    QAction *settings = tools->addAction(QIcon::fromTheme(u"preferences-system"_s),
                                         tr("&Settings…"), this, &MainWindow::openSettingsDialog);
    settings->setObjectName(u"openSettings"_s);
    settings->setShortcut(Qt::CTRL | Qt::Key_Comma);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *commits = m_commitDock->toggleViewAction();
    commits->setShortcut(Qt::CTRL | Qt::Key_1);
    view->addAction(commits);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Release Console"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::refresh()
{
    const release::ReleaseSpec fields = m_form->spec();
    release::ReleaseChoices choices;
    choices.recipe = fields.recipe;
    choices.commitSha = fields.commitSha;
    choices.version = fields.version;
    choices.build = fields.build;
    choices.channel = fields.channel;
    choices.label = fields.label;
    choices.author = m_form->author();
    release::ReleaseFacts facts;
    facts.url = fields.url;
    facts.sha256 = fields.sha256;
    facts.initPath = m_form->initPathInRepository();
    if (!m_form->initFilePath().isEmpty())
        facts.initFile = m_form->initFileContents();
    facts.timestamp = m_clock().toUTC().toString(Qt::ISODate);
    release::DispatchTarget target;
    target.kind = m_form->isRepositoryDispatch() ? release::DispatchKind::Repository
                                                 : release::DispatchKind::Workflow;
    target.ref = m_form->dispatchRef();
    target.eventType = m_profile ? m_profile->eventType : kDefaultEventType;
    target.encoding = m_form->patchEncoding();
    if (m_profile) {
        target.dispatchIdInput = m_profile->dispatchIdInput;
        target.dispatchId = m_dispatchId;
    }

    m_prepared = release::prepareRelease(choices, facts, target);
    const QString patchUnavailable = m_form->initFilePath().isEmpty()
        ? tr("Choose the package's __init__.py (Ctrl+O) to generate the patch.")
        : m_prepared.patchUnavailable;
    m_form->showProblems(m_prepared.problems);
    m_preview->showPatch(m_prepared.spec.patch, patchUnavailable, m_prepared.lint,
                         m_prepared.encoding);
    m_preview->showPayload(m_prepared.payload,
                           int(m_prepared.problems.size() + m_prepared.lintErrorCount()));

    m_preflightAction->setEnabled(m_clients != nullptr && !m_profileLoading &&
                                  m_prepared.isReady());
    if (m_clients && fields.build.isEmpty() && release::checkVersion(fields.version).isEmpty())
        suggestBuild();

    const release::ReleaseSpec &spec = m_prepared.spec;
    setWindowTitle(spec.recipe.isEmpty()
                       ? tr("Release Console")
                       : tr("%1 %2 — Release Console").arg(spec.recipe, spec.version));
}

void MainWindow::setTokenServices(secrets::TokenStore *store,
                                  secrets::TokenHealthCheck *healthCheck)
{
    m_tokenStore = store;
    m_healthCheck = healthCheck;
    m_tokensAction->setEnabled(store != nullptr);
    delete m_startupCheck;
    m_startupCheck = nullptr;
    if (!store)
        return;
    m_startupCheck = new secrets::StartupTokenCheck(*store, healthCheck, tokenKeys(), this);
    connect(m_startupCheck, &secrets::StartupTokenCheck::verdictReady, this,
            &MainWindow::reviewStartupVerdict);
    checkTokens();
}

QList<secrets::TokenKey> MainWindow::tokenKeys() const
{
    // The chosen profile's forges (set at once, while its tokens still load); the public ones
    // before there is a profile.
    return m_profileTokenKeys.isEmpty() ? secrets::defaultTokenKeys() : m_profileTokenKeys;
}

void MainWindow::setProfileTokenKeys(QList<secrets::TokenKey> keys)
{
    if (keys == m_profileTokenKeys)
        return;
    m_profileTokenKeys = std::move(keys);
    // The token check and the status bar now ask about the new profile's hosts.
    if (m_tokenStore)
        setTokenServices(m_tokenStore, m_healthCheck);
}

void MainWindow::openTokensDialog(const std::optional<secrets::TokenKey> &focus,
                                  const QString &reason)
{
    if (!m_tokenStore)
        return;
    if (!m_tokensDialog) {
        m_tokensDialog = new TokensDialog(*m_tokenStore, tokenKeys(), m_healthCheck, this);
        m_tokensDialog->setAttribute(Qt::WA_DeleteOnClose);
        // What the user changed there is what the status bar should now describe.
        connect(m_tokensDialog, &QDialog::finished, this, &MainWindow::checkTokens);
    }
    if (focus)
        m_tokensDialog->focusToken(*focus, reason);
    // Not modal: the form stays usable while a token is being pasted from a browser.
    m_tokensDialog->show();
    m_tokensDialog->raise();
    m_tokensDialog->activateWindow();
}

TokensDialog *MainWindow::tokensDialog() const
{
    return m_tokensDialog;
}

QString MainWindow::tokenStatusText() const
{
    return m_tokenStatus->text();
}

void MainWindow::setTokenStatus(const QString &text, const QString &toolTip)
{
    m_tokenStatus->setText(text);
    m_tokenStatus->setToolTip(toolTip);
}

void MainWindow::checkTokens()
{
    if (!m_startupCheck)
        return;
    setTokenStatus({});
    m_startupCheck->start();
}

void MainWindow::reviewStartupVerdict(const secrets::StartupTokenVerdict &verdict)
{
    using Kind = secrets::StartupTokenVerdict::Kind;
    switch (verdict.kind) {
    case Kind::KeychainUnavailable:
        setTokenStatus(tr("Keychain unavailable"),
                       verdict.keychainError ? verdict.keychainError->describe() : verdict.reason);
        break;
    case Kind::Locked:
        setTokenStatus(tr("Keyring locked"), tr("Unlock your keyring to use the stored tokens."));
        break;
    case Kind::Missing:
        if (!m_tokensDialog)
            openTokensDialog(verdict.key,
                             tr("No %1 token is stored yet: add one to send and watch releases.")
                                 .arg(secrets::forgeDisplayName(verdict.forge)));
        break;
    case Kind::Unusable:
        setTokenStatus(tr("%1 token unusable").arg(verdict.key.displayName()), verdict.reason);
        if (!m_tokensDialog)
            openTokensDialog(verdict.key, verdict.reason);
        break;
    case Kind::ExpiresSoon:
        setTokenStatus(tr("%1 token expires on %2")
                           .arg(secrets::forgeDisplayName(verdict.forge),
                                QLocale().toString(verdict.expiresAt.toLocalTime().date(),
                                                   QLocale::ShortFormat)),
                       verdict.warnings.join(u'\n'));
        break;
    case Kind::Ok:
        break;
    }
}

void MainWindow::setEnvironment(flow::ReleaseEnvironment *environment)
{
    m_environment = environment;
    m_sandboxBanner->setVisible(environment && environment->isSandbox());
    m_profilesAction->setEnabled(environment != nullptr);
    m_historyAction->setEnabled(environment != nullptr);
    if (!environment)
        return;
    m_appSettings = desktop::AppSettings::load(environment->settings());
    auto *bar = addToolBar(tr("Profile"));
    bar->setObjectName(u"profileToolBar"_s);
    bar->setMovable(false);
    auto *label = new QLabel(tr("Profi&le:"));
    m_profileCombo = new QComboBox;
    m_profileCombo->setObjectName(u"profileCombo"_s);
    m_profileCombo->setAccessibleName(tr("Profile"));
    m_profileCombo->setMinimumContentsLength(16);
    label->setBuddy(m_profileCombo);
    bar->addWidget(label);
    bar->addWidget(m_profileCombo);
    bar->addAction(m_profilesAction);
    connect(m_profileCombo, &QComboBox::currentTextChanged, this, &MainWindow::selectProfile);
    m_commitDock->show();
    auto *rateLimit = new QLabel;
    rateLimit->setObjectName(u"rateLimitStatus"_s);
    rateLimit->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(rateLimit);
    connect(
        environment->transport(), &forge::Transport::rateLimitChanged, rateLimit,
        [rateLimit](forge::Service service, const QString &origin, const forge::RateLimit &limit) {
            if (service != forge::Service::GitHub || !limit.isValid() ||
                (!limit.resource.isEmpty() && limit.resource != "core"_L1))
                return;
            const QLocale locale;
            rateLimit->setText(tr("GitHub: %1 of %2 requests left, resets %3")
                                   .arg(locale.toString(limit.remaining),
                                        locale.toString(limit.limit),
                                        locale.toString(limit.resetAt.toLocalTime().time(),
                                                        QLocale::ShortFormat)));
            rateLimit->setToolTip(origin);
        });
    if (const qsizetype open = environment->ledger().unresolved().size(); open > 0) {
        auto *unresolved =
            new QLabel(tr("%n earlier dispatches have an unknown outcome", nullptr, int(open)));
        unresolved->setObjectName(u"unresolvedDispatches"_s);
        unresolved->setToolTip(
            tr("A dispatch was recorded but its answer never came (a crash or a lost "
               "connection). The preflight looks for its run before anything else is sent."));
        statusBar()->addPermanentWidget(unresolved);
    }
    watchUnfinishedRuns();
    reloadProfiles(environment->isSandbox() ? u"sandbox"_s
                                            : QSettings().value(u"lastProfile"_s).toString());
    if (m_profileCombo->count() == 0)
        statusBar()->showMessage(
            tr("No profile yet: create one (Tools > Profiles, Ctrl+Shift+P), or start with "
               "--sandbox to try everything with demo data."));
}

void MainWindow::reloadProfiles(const QString &select)
{
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    m_profileCombo->addItems(m_environment->profiles().names());
    const int index = m_profileCombo->findText(select);
    m_profileCombo->setCurrentIndex(index >= 0 ? index : 0);
    selectProfile(m_profileCombo->currentText());
    updateWelcome();
}

void MainWindow::updateWelcome()
{
    m_welcome->setVisible(m_environment && !m_environment->isSandbox() &&
                          m_environment->profiles().names().isEmpty());
}

void MainWindow::startSandbox()
{
    const bool started = m_sandboxLauncher
        ? m_sandboxLauncher()
        : QProcess::startDetached(QCoreApplication::applicationFilePath(), {u"--sandbox"_s});
    statusBar()->showMessage(started ? tr("The sandbox opens in a window of its own.")
                                     : tr("The sandbox could not be started."),
                             10000);
}

void MainWindow::openSettingsDialog()
{
    auto *dialog = new SettingsDialog(m_appSettings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { applySettings(dialog->settings()); });
    dialog->open();
}

void MainWindow::applySettings(const desktop::AppSettings &settings)
{
    if (!settings.problem().isEmpty())
        return;
    m_appSettings = settings;
    if (m_environment && !m_environment->isSandbox())
        settings.save(m_environment->settings());
}

void MainWindow::raiseWindow()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::handleLaunch(const QStringList &arguments)
{
    raiseWindow();
    QString name;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == "--profile"_L1 && i + 1 < arguments.size())
            name = arguments.at(i + 1);
        else if (arguments.at(i).startsWith("--profile="_L1))
            name = arguments.at(i).mid(10);
    }
    if (name.isEmpty() || !m_environment)
        return;
    if (m_environment->profiles().names().contains(name))
        selectProfile(name);
    else
        statusBar()->showMessage(tr("There is no profile “%1”.").arg(name.left(64)), 10000);
}

QString MainWindow::runsSummary() const
{
    QStringList lines;
    for (const MonitorWidget *monitor : monitors()) {
        if (monitor->watcher() && monitor->watcher()->isActive())
            lines << monitor->title() + u": "_s + monitor->bannerText();
    }
    return lines.join(u'\n');
}

void MainWindow::updateRunsTray()
{
    const QString summary = runsSummary();
    if (summary.isEmpty()) {
        if (m_runsTray)
            m_runsTray->hide();
        return;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_runsTray) {
        m_runsTray = new QSystemTrayIcon(windowIcon(), this);
        m_runsTray->setObjectName(u"runsTray"_s);
        connect(m_runsTray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        raiseWindow();
                });
    }
    m_runsTray->setToolTip(tr("Release Console") + u'\n' + summary);
    m_runsTray->show();
}

void MainWindow::selectProfile(const QString &name)
{
    if (!m_environment)
        return;
    if (m_profileCombo && m_profileCombo->currentText() != name) {
        const QSignalBlocker blocker(m_profileCombo);
        m_profileCombo->setCurrentText(name);
    }
    const std::optional<profiles::Profile> profile = m_environment->profiles().load(name);
    if (!profile) {
        setProfileTokenKeys({});
        m_profile.reset();
        m_clients.reset();
        m_commitPicker->setSource(nullptr, {}, {});
        m_checksumPanel->setRequest(nullptr, std::nullopt);
        m_checksumPanel->setEnabled(false);
        refresh();
        return;
    }
    if (!m_environment->isSandbox())
        QSettings().setValue(u"lastProfile"_s, name);
    setProfileTokenKeys(flow::ReleaseEnvironment::tokenKeys(*profile));
    // Only the newest choice is applied, however the keychain's answers are ordered; until
    // then nothing is sent with the profile being left.
    const quint64 selection = ++m_profileSelection;
    m_profileLoading = true;
    refresh();
    m_environment->prepareTokens(
        *profile, this, [this, profile, selection](const QStringList &problems) {
            if (selection != m_profileSelection)
                return;
            m_profileLoading = false;
            if (!problems.isEmpty())
                statusBar()->showMessage(problems.join(u' '), kStatusMessageMs);
            applyProfile(*profile);
        });
}

void MainWindow::applyProfile(const profiles::Profile &profile)
{
    m_profile = profile;
    m_checksum.reset();
    m_commitPipelineStatus.clear();
    m_initFetch.reset();
    m_clients = std::make_unique<flow::ForgeClients>(m_environment->transport(), profile);
    m_commitPicker->setSource(&m_clients->gitLab, profile.gitLabProject, profile.branch);
    m_commitDock->setWindowTitle(
        tr("Commits of %1 (%2)").arg(profile.gitLabProject, profile.branch));
    m_checksumPanel->setRequest(&m_clients->gitLab, std::nullopt);
    m_checksumPanel->setEnabled(true);

    release::ReleaseSpec spec;
    spec.recipe = profile.recipe;
    spec.channel = profile.defaultChannel;
    spec.label = profile.defaultLabel;
    m_form->setSpec(spec);
    m_form->setInitPathInRepository(profile.initPath);
    m_form->setDispatch(profile.dispatchKind == release::DispatchKind::Repository,
                        profile.workflowRef);
    m_form->setPatchEncoding(profile.patchEncoding);
    statusBar()->showMessage(tr("Profile %1: pick a commit on the left.").arg(profile.name),
                             kStatusMessageMs);
    refresh();
}

void MainWindow::useCommit(const forge::CommitWithPipeline &chosen)
{
    if (!m_profile || !m_clients)
        return;
    const forge::GitLabCommit &commit = chosen.commit;
    // Choosing the commit already in the form again keeps its checksum and edits.
    if (commit.id == m_form->field(release::ReleaseField::CommitSha) &&
        (isFetchingInitFile() || !m_form->initFilePath().isEmpty()))
        return;
    m_commitPipelineStatus = chosen.pipeline ? chosen.pipeline->status : QString();
    // The tarball and its checksum belong to a commit: another commit needs them anew.
    m_checksum.reset();
    m_form->setField(release::ReleaseField::CommitSha, commit.id);
    m_form->setField(release::ReleaseField::Url, {});
    m_form->setField(release::ReleaseField::Sha256, {});
    m_form->setField(release::ReleaseField::Recipe, m_profile->recipe);
    // The same defaults as the commands: the message's values, else the profile's.
    m_form->setField(release::ReleaseField::Version, {});
    m_form->setField(release::ReleaseField::Build, {});
    m_form->setField(release::ReleaseField::Channel, m_profile->defaultChannel);
    m_form->setField(release::ReleaseField::Label, m_profile->defaultLabel);
    // As it is shown, so it is read: no control may hide or reorder a part of the package block.
    m_form->setCommitMessage(
        forge::printableServerText(commit.message, 64 * 1024, forge::LineBreaks::Keep));
    m_form->fillFromCommitMessageIfConventional();
    m_form->setAuthor(commit.authorName);
    m_checksumPanel->setRequest(&m_clients->gitLab,
                                flow::checksumRequestFor(*m_profile, commit.id));

    m_initFetch = std::make_unique<QObject>();
    const QString path = m_profile->initPath;
    const QString label = m_profile->gitLabProject + u'@' + commit.shortId + u':' + path;
    m_clients->gitLab.rawFile(
        m_profile->gitLabProject, path, commit.id, m_initFetch.get(),
        [this, label](const forge::ForgeResult<QByteArray> &result) {
            if (result.ok())
                m_form->setInitFile(label, result.value);
            else
                statusBar()->showMessage(
                    tr("Cannot read %1: %2").arg(label, result.error.describe()));
            m_initFetch.release()->deleteLater();
        });
    suggestBuild();
    QString status = tr("Commit %1 chosen.").arg(commit.shortId);
    if (CommitListModel::isFlagged(m_commitPipelineStatus))
        status += u' ' +
            tr("Its pipeline is %1.")
                .arg(m_commitPipelineStatus.isEmpty() ? tr("missing") : m_commitPipelineStatus);
    statusBar()->showMessage(status + u' ' + tr("Compute the checksum next (Ctrl+Shift+K)."));
    refresh();
}

// anaconda.org knows which builds of the version exist: an empty build gets the next free one,
// and the status bar says on which labels the version already is.
void MainWindow::suggestBuild()
{
    const QString version = m_form->field(release::ReleaseField::Version);
    const QString channel = m_form->field(release::ReleaseField::Channel);
    if (!m_clients || !m_profile || !release::checkVersion(version).isEmpty() ||
        !release::checkChannel(channel).isEmpty())
        return;
    const QString asked = m_profile->name + u'|' + channel + u'|' + version;
    if (asked == m_buildAsked)
        return;
    m_buildAsked = asked;
    m_buildLookup = std::make_unique<QObject>();
    m_clients->anaconda.files(
        channel, m_profile->recipe, m_buildLookup.get(),
        [this, version](const forge::ForgeResult<forge::AnacondaPackageFiles> &result) {
            m_buildLookup.release()->deleteLater();
            if (!result.ok() || m_form->field(release::ReleaseField::Version) != version)
                return;
            const QString next = QString::number(result.value.nextBuildNumber(version));
            if (m_form->field(release::ReleaseField::Build).isEmpty())
                m_form->setField(release::ReleaseField::Build, next);
            const QStringList labels = result.value.labels(version);
            m_buildHint = labels.isEmpty()
                ? tr("%1 is not on anaconda.org yet; build %2 is the first.").arg(version, next)
                : tr("%1 is on %2; the next free build is %3.")
                      .arg(version, labels.join(u", "_s), next);
            statusBar()->showMessage(m_buildHint, kStatusMessageMs);
        });
}

void MainWindow::onChecksum(const tarball::ChecksumOutcome &outcome,
                            const tarball::ChecksumRequest &request)
{
    // Only a checksum of the commit in the form, whose tarball passed every check, is used.
    if (!outcome.ok() || request.commitSha != m_form->field(release::ReleaseField::CommitSha)) {
        if (outcome.result && !outcome.problem.isEmpty())
            statusBar()->showMessage(tr("Tarball refused: %1").arg(outcome.problem));
        return;
    }
    const tarball::ChecksumResult &result = *outcome.result;
    const QString url = result.url.toString(QUrl::FullyEncoded);
    m_form->setField(release::ReleaseField::Url, url);
    m_form->setField(release::ReleaseField::Sha256, result.sha256);
    m_checksum =
        flow::ChecksumRecord {request.commitSha, url, result.sha256, result.pipelineStatus};
    refresh();
    statusBar()->showMessage(m_prepared.isReady()
                                 ? tr("Checksum computed. Next: the preflight (Ctrl+Shift+D).")
                                 : tr("Checksum computed. Still to fix: %1")
                                       .arg(m_prepared.blockingReasons().join(u"; "_s)));
}

void MainWindow::openProfilesDialog()
{
    if (!m_environment)
        return;
    auto *dialog = new ProfilesDialog(m_environment->profiles(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_profile)
        dialog->showProfile(m_profile->name);
    connect(dialog, &ProfilesDialog::profilesChanged, this, &MainWindow::reloadProfiles);
    dialog->open();
}

PreflightDialog *MainWindow::openPreflight()
{
    if (!m_clients || !m_profile || m_profileLoading || !m_prepared.isReady())
        return nullptr;
    flow::PreflightInput input;
    input.profile = *m_profile;
    // The form's dispatch settings are what the body was built with: the checks and the POST
    // follow them, not the profile's defaults.
    input.profile.dispatchKind = m_form->isRepositoryDispatch() ? release::DispatchKind::Repository
                                                                : release::DispatchKind::Workflow;
    input.profile.workflowRef = m_form->dispatchRef();
    input.profile.patchEncoding = m_form->patchEncoding();
    input.release = m_prepared;
    input.checksum = m_checksum;
    input.ledger = &m_environment->ledger();
    auto *dialog = new PreflightDialog(m_clients.get(), &m_environment->ledger(), input, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreflightDialog::dispatched, this,
            [this, dialog](const flow::DispatchReport &report) {
                // Whatever the answer, the id may have reached GitHub: the next send gets its own.
                if (report.outcome != flow::DispatchOutcome::NotStarted) {
                    m_dispatchId = release::newDispatchId();
                    refresh();
                }
                if (report.outcome == flow::DispatchOutcome::Sent)
                    watchDispatch(dialog->input(), dialog->report(), report);
            });
    dialog->open();
    return dialog;
}

QList<MonitorWidget *> MainWindow::monitors() const
{
    QList<MonitorWidget *> found;
    for (int i = 0; m_runTabs && i < m_runTabs->count(); ++i) {
        if (auto *monitor = qobject_cast<MonitorWidget *>(m_runTabs->widget(i)))
            found << monitor;
    }
    return found;
}

void MainWindow::watchDispatch(const flow::PreflightInput &input,
                               const flow::PreflightReport &report,
                               const flow::DispatchReport &dispatch)
{
    const profiles::Profile &profile = input.profile;
    watch::WatchTarget target;
    target.owner = profile.recipesOwner();
    target.repo = profile.recipesName();
    target.workflow = profile.workflowFile;
    target.runId = dispatch.runId;
    const bool workflowKind = profile.dispatchKind == release::DispatchKind::Workflow;
    target.event = workflowKind ? u"workflow_dispatch"_s : u"repository_dispatch"_s;
    target.actor = report.gitHubLogin;
    target.branch = workflowKind ? profile.workflowRef : QString();
    target.createdSince = m_clock().addSecs(-120);
    target.expectedTitle =
        flow::expectedRunTitle(report.workflowRunName, input.release.payload.json);
    MonitorHeader header;
    const release::ReleaseSpec &spec = input.release.spec;
    header.recipe = spec.recipe;
    header.version = spec.version;
    header.build = spec.build;
    header.label = spec.label;
    header.commitSha = spec.commitSha;
    header.commitTitle = m_form->commitTitle();
    header.installLine = release::installLine(spec);
    addMonitor(profile, target, header, dispatch.ledgerId);
}

void MainWindow::watchUnfinishedRuns()
{
    for (const ledger::LedgerEntry &entry : m_environment->ledger().unfinished())
        watchLedgerEntry(entry);
}

void MainWindow::watchLedgerEntry(const ledger::LedgerEntry &entry)
{
    if (!entry.runId)
        return;
    for (MonitorWidget *monitor : monitors()) {
        if (monitor->runId() == entry.runId) {
            if (!monitor->watcher() || !monitor->watcher()->isActive())
                monitor->start();
            m_runTabs->setCurrentWidget(monitor);
            m_runsDock->show();
            m_runsDock->raise();
            return;
        }
    }
    const std::optional<profiles::Profile> profile = m_environment->profiles().load(entry.profile);
    if (!profile) {
        statusBar()->showMessage(
            tr("The run of %1 %2 cannot be watched: its profile “%3” no longer exists.")
                .arg(entry.recipe, entry.version, entry.profile));
        return;
    }
    watch::WatchTarget target;
    target.owner = profile->recipesOwner();
    target.repo = profile->recipesName();
    target.workflow = profile->workflowFile;
    target.runId = entry.runId;
    MonitorHeader header;
    header.recipe = entry.recipe;
    header.version = entry.version;
    header.build = entry.build;
    header.label = entry.label;
    header.commitSha = entry.commitSha;
    header.installLine = entry.installLine;
    // Its tokens may still be loading: the watcher retries until they answer.
    m_environment->prepareTokens(*profile, this, [](const QStringList &) { });
    addMonitor(*profile, target, header, entry.id);
}

void MainWindow::addMonitor(const profiles::Profile &profile, const watch::WatchTarget &target,
                            const MonitorHeader &header, qint64 ledgerId)
{
    if (!m_runsDock) {
        m_runTabs = new QTabWidget;
        m_runTabs->setObjectName(u"runTabs"_s);
        m_runTabs->setTabsClosable(true);
        m_runTabs->setDocumentMode(true);
        connect(m_runTabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
            QWidget *monitor = m_runTabs->widget(index);
            m_runTabs->removeTab(index);
            monitor->deleteLater();
            updateRunsTray();
        });
        m_runsDock = new QDockWidget(tr("Runs"), this);
        m_runsDock->setObjectName(u"runsDock"_s);
        m_runsDock->setWidget(m_runTabs);
        addDockWidget(Qt::BottomDockWidgetArea, m_runsDock);
    }
    m_watchClients.push_back(
        std::make_unique<flow::ForgeClients>(m_environment->transport(), profile));
    watch::WatchOptions bounds;
    bounds.minInterval = m_appSettings.pollMin;
    bounds.maxInterval = m_appSettings.pollMax;
    auto *monitor = new MonitorWidget(&m_watchClients.back()->gitHub, target, header,
                                      m_environment->watchOptions(profile.name, bounds));
    monitor->setClock(m_environment->watchClock());
    const int tab = m_runTabs->addTab(monitor, monitor->title());
    m_runTabs->setCurrentIndex(tab);
    connect(monitor, &MonitorWidget::titleChanged, this, [this, monitor](const QString &title) {
        m_runTabs->setTabText(m_runTabs->indexOf(monitor), title);
        updateRunsTray();
    });
    connect(monitor, &MonitorWidget::watcherStarted, this, [this](watch::RunWatcher *watcher) {
        connect(watcher, &watch::RunWatcher::platformChanged, this, &MainWindow::updateRunsTray);
        connect(watcher, &watch::RunWatcher::finished, this, &MainWindow::updateRunsTray,
                Qt::QueuedConnection);
    });
    connect(
        monitor, &MonitorWidget::finished, this,
        [this, header](const watch::RunSnapshot &snapshot) { notifyOutcome(header, snapshot); });
    ledger::ReleaseLedger *ledger = &m_environment->ledger();
    connect(monitor, &MonitorWidget::watcherStarted, this,
            [ledger, ledgerId](watch::RunWatcher *watcher) {
                new flow::RunRecorder(watcher, ledger, ledgerId);
            });
    monitor->start();
    m_runsDock->show();
    m_runsDock->raise();
}

// One desktop notification per release outcome (SPEC F9); a tray message where no notification
// server exists; a status-bar line where neither does.
void MainWindow::notifyOutcome(const MonitorHeader &header, const watch::RunSnapshot &snapshot)
{
    updateRunsTray();
    notify::ReleaseNotification notification;
    int builds = 0;
    int succeeded = 0;
    QStringList lines;
    for (const watch::PlatformState &platform : snapshot.platforms) {
        if (platform.helper)
            continue;
        ++builds;
        const bool ok = platform.status == watch::PlatformStatus::Success;
        succeeded += ok ? 1 : 0;
        lines << (ok ? u"✔ "_s : u"✘ "_s) + platform.os + u" · "_s + platform.variant;
    }
    const QString release = tr("%1 %2 build %3").arg(header.recipe, header.version, header.build);
    notification.success = snapshot.allSucceeded();
    if (snapshot.phase == watch::WatchPhase::NotFound ||
        snapshot.phase == watch::WatchPhase::Failed)
        notification.title = tr("%1: %2").arg(release, snapshot.problem);
    else if (notification.success)
        notification.title = tr("%1: every platform succeeded").arg(release);
    else
        notification.title =
            tr("%1: %2 of %3 platforms succeeded").arg(release).arg(succeeded).arg(builds);
    notification.body = lines.join(u'\n');
    if (snapshot.run)
        notification.openUrl = snapshot.run->htmlUrl;
    notification.replaceKey = release;
    if (!m_appSettings.notifications) {
        statusBar()->showMessage(notification.title);
        return;
    }
    if (!m_notifier) {
        m_notifier = new notify::DesktopNotifier(this);
        connect(m_notifier, &notify::DesktopNotifier::openRequested, this,
                [](const QUrl &url) { QDesktopServices::openUrl(url); });
    }
    if (m_notifier->notify(notification))
        return;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->show();
        }
        m_lastNotificationUrl = notification.openUrl;
        connect(
            m_tray, &QSystemTrayIcon::messageClicked, this,
            [this] { QDesktopServices::openUrl(m_lastNotificationUrl); }, Qt::UniqueConnection);
        m_tray->showMessage(notification.title, notification.body,
                            notification.success ? QSystemTrayIcon::Information
                                                 : QSystemTrayIcon::Critical);
        return;
    }
    statusBar()->showMessage(notification.title);
}

void MainWindow::fillWithExample()
{
    m_form->setCommitMessage(u"Deploy experimental package [conda-build]\n\n"
                             "package = {\"version\": \"0.1.0.dev10\", \"build\": \"1\", "
                             "\"channel\": \"robertodr\", \"label\": \"dev\"}\n"_s);
    m_form->fillFromCommitMessage();
    release::ReleaseSpec spec = m_form->spec();
    spec.recipe = u"pb11mpi"_s;
    spec.commitSha = u"8f14e45fceea167a5a36dedd4bea2543f1c7a5d0"_s;
    spec.url =
        u"https://gitlab.example.org/api/v4/projects/42/jobs/1337/artifacts/pb11mpi.tar.bz2"_s;
    spec.sha256 = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;
    m_form->setSpec(spec);
    m_form->setAuthor(u"Roberto Di Remigio"_s);
    loadInitFile(u":/demo/__init__.py"_s);
    statusBar()->showMessage(tr("Example release loaded: nothing is sent from this window yet."));
}

bool MainWindow::loadInitFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()),
                                 kStatusMessageMs);
        return false;
    }
    m_form->setInitFile(path, file.readAll());
    statusBar()->showMessage(tr("Loaded %1").arg(path), kStatusMessageMs);
    return true;
}

void MainWindow::chooseInitFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the package's __init__.py"),
                                                      {}, tr("Python files (*.py);;All files (*)"));
    if (!path.isEmpty())
        loadInitFile(path);
}

void MainWindow::loadCommitMessageFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a commit message"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()),
                                 kStatusMessageMs);
        return;
    }
    m_form->setCommitMessage(QString::fromUtf8(file.readAll()));
    m_form->fillFromCommitMessage();
}

void MainWindow::copyPayload()
{
    QApplication::clipboard()->setText(QString::fromUtf8(m_prepared.payload.json));
    statusBar()->showMessage(tr("Copied the compact JSON body to the clipboard."),
                             kStatusMessageMs);
}

void MainWindow::savePayload()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the dispatch JSON"),
                                                      u"dispatch.json"_s, tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(release::prettyJson(m_prepared.payload.json)) < 0 || !file.commit()) {
        statusBar()->showMessage(tr("Cannot save %1: %2").arg(path, file.errorString()),
                                 kStatusMessageMs);
        return;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), kStatusMessageMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_environment && m_environment->isSandbox()) {
        event->accept();  // the sandbox leaves the user's settings alone
        return;
    }
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    if (const auto *splitter = findChild<QSplitter *>(u"mainSplitter"_s))
        settings.setValue(u"mainWindow/splitter"_s, splitter->saveState());
    event->accept();
}

}  // namespace rc::ui
