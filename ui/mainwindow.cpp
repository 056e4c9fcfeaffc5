#include "mainwindow.h"

#include "aboutdialog.h"
#include "previewpane.h"
#include "release/patchgenerator.h"
#include "release/patchlint.h"
#include "release/payload.h"
#include "release/validation.h"
#include "releaseform.h"
#include "secrets/tokenhealthcheck.h"
#include "secrets/tokenstore.h"
#include "tokensdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

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

    auto *formScroller = new QScrollArea;
    formScroller->setWidget(m_form);
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

    createMenus();
    m_tokenStatus = new QLabel;
    m_tokenStatus->setObjectName(u"tokenStatus"_s);
    m_tokenStatus->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_tokenStatus);
    statusBar()->showMessage(tr("Paste a [conda-build] commit message or fill the form."));

    connect(m_form, &ReleaseForm::changed, this, &MainWindow::refresh);
    connect(m_form, &ReleaseForm::initFileRequested, this, &MainWindow::chooseInitFile);

    const QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray()))
        resize(1180, 760);
    splitter->restoreState(settings.value(u"mainWindow/splitter"_s).toByteArray());
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
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_tokensAction = tools->addAction(QIcon::fromTheme(u"dialog-password"_s), tr("&Tokens…"), this,
                                      [this] { openTokensDialog(); });
    m_tokensAction->setObjectName(u"openTokens"_s);
    m_tokensAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    m_tokensAction->setEnabled(false);

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
    ReleaseSpec spec = m_form->spec();

    QString patchUnavailable;
    if (m_form->initFilePath().isEmpty()) {
        patchUnavailable = tr("Choose the package's __init__.py (Ctrl+O) to generate the patch.");
    } else if (!checkBuild(spec.build).isEmpty() || !checkCommitSha(spec.commitSha).isEmpty()) {
        patchUnavailable = tr("The patch needs a valid build number and commit.");
    } else if (m_form->author().isEmpty()) {
        patchUnavailable = tr("The patch needs an author.");
    } else {
        PatchRequest request;
        request.path = m_form->initPathInRepository();
        request.original = m_form->initFileContents();
        request.version = checkVersion(spec.version).isEmpty() ? spec.version : QString();
        request.build = spec.build;
        request.commitSha = spec.commitSha;
        request.author = m_form->author();
        request.timestamp = m_clock().toUTC().toString(Qt::ISODate);
        const PatchResult patch = generatePatch(request);
        if (patch.ok())
            spec.patch = patch.diff;
        else
            patchUnavailable = patch.error;
    }
    const QList<PatchLintNote> notes =
        spec.patch.isEmpty() ? QList<PatchLintNote>() : lintPatch(spec.patch);

    const QList<FieldProblem> problems = validate(spec);
    m_form->showProblems(problems);
    const Payload payload = m_form->isRepositoryDispatch()
        ? buildRepositoryDispatch(spec, kDefaultEventType)
        : buildWorkflowDispatch(spec, m_form->dispatchRef());
    const auto lintErrors =
        std::count_if(notes.cbegin(), notes.cend(), [](const PatchLintNote &note) {
            return note.severity == PatchLintNote::Severity::Error;
        });
    m_preview->showPatch(spec.patch, patchUnavailable, notes);
    m_preview->showPayload(payload, int(problems.size() + lintErrors));
    m_currentPayload = payload.json;

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
    if (store)
        checkTokens();
}

void MainWindow::openTokensDialog(const std::optional<secrets::TokenKey> &focus,
                                  const QString &reason)
{
    if (!m_tokenStore)
        return;
    if (!m_tokensDialog) {
        m_tokensDialog =
            new TokensDialog(*m_tokenStore, secrets::defaultTokenKeys(), m_healthCheck, this);
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
    if (!m_tokenStore)
        return;
    m_tokenStore->status(
        secrets::defaultTokenKeys(), this,
        [this](const secrets::KeychainStatus &status) { reviewKeychainStatus(status); });
}

void MainWindow::reviewKeychainStatus(const secrets::KeychainStatus &status)
{
    if (status.error) {
        setTokenStatus(tr("Keychain unavailable"), status.error->describe());
        return;
    }
    setTokenStatus({});
    std::optional<secrets::TokenKey> firstMissing;
    for (const secrets::Forge forge : {secrets::Forge::GitHub, secrets::Forge::GitLab}) {
        // Any host of this forge will do: a self-hosted GitLab user needs no gitlab.com token.
        std::optional<secrets::TokenKey> stored;
        bool locked = false;
        for (const secrets::TokenEntryStatus &entry : status.entries) {
            if (entry.key.forge != forge)
                continue;
            if (!stored &&
                (entry.presence == secrets::EntryPresence::Stored || entry.hasThisRunToken))
                stored = entry.key;
            locked = locked || entry.presence == secrets::EntryPresence::Locked;
        }
        if (stored)
            checkStoredTokenHealth(*stored);
        else if (locked)
            setTokenStatus(tr("Keyring locked"),
                           tr("Unlock your keyring to use the stored tokens."));
        else if (!firstMissing)
            firstMissing = secrets::TokenKey {forge, secrets::defaultHost(forge)};
    }
    if (firstMissing && !m_tokensDialog) {
        openTokensDialog(firstMissing,
                         tr("No %1 token is stored yet: add one to send and watch releases.")
                             .arg(secrets::forgeDisplayName(firstMissing->forge)));
    }
}

void MainWindow::checkStoredTokenHealth(const secrets::TokenKey &key)
{
    if (!m_healthCheck)
        return;
    m_tokenStore->load(key, this, [this, key](const secrets::TokenLoad &loaded) {
        if (loaded.error)
            return;
        // The check answers later and has no context of its own: only act if the window lives.
        QPointer<MainWindow> window(this);
        m_healthCheck->check(key, loaded.token,
                             [window, key](const secrets::TokenHealthReport &report) {
                                 if (window)
                                     window->reviewTokenHealth(key, report);
                             });
    });
}

void MainWindow::reviewTokenHealth(const secrets::TokenKey &key,
                                   const secrets::TokenHealthReport &report)
{
    if (report.networkError)
        return;  // offline says nothing about the token; the release steps will say more
    const secrets::TokenHealth &health = report.health;
    if (!health.accepted || health.expired || !health.problems.isEmpty()) {
        const QString reason = health.problems.isEmpty()
            ? tr("%1 rejected this token.").arg(secrets::forgeDisplayName(key.forge))
            : health.problems.join(u' ');
        setTokenStatus(tr("%1 token unusable").arg(key.displayName()), reason);
        if (!m_tokensDialog)
            openTokensDialog(key, reason);
        return;
    }
    if (health.expiresSoon && health.expiresAt) {
        const QString date =
            QLocale().toString(health.expiresAt->toLocalTime().date(), QLocale::ShortFormat);
        setTokenStatus(tr("%1 token expires on %2").arg(secrets::forgeDisplayName(key.forge), date),
                       health.warnings.join(u'\n'));
    }
}

void MainWindow::fillWithExample()
{
    m_form->setCommitMessage(u"Deploy experimental package [conda-build]\n\n"
                             "package = {\"version\": \"0.1.0.dev10\", \"build\": \"1\", "
                             "\"channel\": \"robertodr\", \"label\": \"dev\"}\n"_s);
    m_form->fillFromCommitMessage();
    ReleaseSpec spec = m_form->spec();
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
    QApplication::clipboard()->setText(QString::fromUtf8(m_currentPayload));
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
    if (!file.open(QIODevice::WriteOnly) || file.write(prettyJson(m_currentPayload)) < 0 ||
        !file.commit()) {
        statusBar()->showMessage(tr("Cannot save %1: %2").arg(path, file.errorString()),
                                 kStatusMessageMs);
        return;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), kStatusMessageMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    if (const auto *splitter = findChild<QSplitter *>(u"mainSplitter"_s))
        settings.setValue(u"mainWindow/splitter"_s, splitter->saveState());
    event->accept();
}

}  // namespace rc::ui
