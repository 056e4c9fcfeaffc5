// SPDX-License-Identifier: BSD-3-Clause
#include "tokensdialog.h"

#include "appearance.h"
#include "clearbutton.h"
#include "secrets/tokenhealthcheck.h"
#include "secrets/tokenstore.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::ui {

using namespace rc::secrets;

struct TokensDialog::Row
{
    TokenKey key;
    QGroupBox *box = nullptr;
    QLineEdit *edit = nullptr;
    QToolButton *showButton = nullptr;
    QPushButton *pasteButton = nullptr;
    QPushButton *testButton = nullptr;
    QPushButton *saveButton = nullptr;
    QPushButton *removeButton = nullptr;
    QLabel *message = nullptr;
    QListWidget *health = nullptr;
    int busy = 0;
};

namespace {

// The typed token, moved into secure memory; the temporary UTF-8 copy is wiped.
QCA::SecureArray secureTokenFrom(const QLineEdit &edit)
{
    QByteArray bytes = edit.text().trimmed().toUtf8();
    QCA::SecureArray token(bytes);
    bytes.fill('\0');
    return token;
}

// Empties the entry. setText() rather than clear(): clear() is an undoable edit, so Ctrl+Z
// would bring the token back; setText() also drops the undo history.
void clearTokenEdit(QLineEdit &edit)
{
    edit.setText(QString());
}

QString presenceText(EntryPresence presence, bool hasThisRunToken)
{
    if (hasThisRunToken)
        return TokensDialog::tr("Used for this run only; not saved in the keychain.");
    switch (presence) {
    case EntryPresence::Stored:
        return TokensDialog::tr("Stored in the keychain.");
    case EntryPresence::Absent:
        return TokensDialog::tr("No token stored.");
    case EntryPresence::Locked:
        return TokensDialog::tr("Unknown: the keyring is locked.");
    case EntryPresence::Unknown:
        break;
    }
    return {};
}

QIcon severityIcon(const QStyle &style, HealthSeverity severity)
{
    switch (severity) {
    case HealthSeverity::Ok:
        return style.standardIcon(QStyle::SP_DialogApplyButton);
    case HealthSeverity::Warning:
        return style.standardIcon(QStyle::SP_MessageBoxWarning);
    case HealthSeverity::Problem:
        return style.standardIcon(QStyle::SP_MessageBoxCritical);
    case HealthSeverity::Info:
        break;
    }
    return style.standardIcon(QStyle::SP_MessageBoxInformation);
}

bool offersThisRunOnly(const KeychainError &error)
{
    return error.makesKeychainUnusable() || error.kind == KeychainErrorKind::TimedOut;
}

}  // namespace

TokensDialog::TokensDialog(TokenStore &store, const QList<TokenKey> &keys,
                           TokenHealthCheck *healthCheck, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_healthCheck(healthCheck)
{
    setWindowTitle(tr("Tokens"));
    setObjectName(u"tokensDialog"_s);

    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(u"thisRunBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAccessibleName(tr("Keychain status"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *intro =
        new QLabel(tr("Tokens are kept in the system keychain (service \"release-console\"), "
                      "one per forge and host, never in a file."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *rowsWidget = new QWidget(this);
    m_rowsLayout = new QVBoxLayout(rowsWidget);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(rowsWidget);
    layout->addWidget(m_scroll, 1);

    layout->addLayout(createAddHostRow());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (const TokenKey &key : keys)
        addRow(key);
    m_rowsLayout->addStretch(1);

    connect(&m_store, &TokenStore::keychainProblemChanged, this, &TokensDialog::updateBanner);
    connect(&m_store, &TokenStore::thisRunTokensChanged, this, &TokensDialog::updateBanner);
    updateBanner();
    refresh();
    resize(640, 560);
    // Return acts on the field it is typed in (Save a token, Add a host), never on whichever
    // button happens to be the dialog's default.
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);
}

QLayout *TokensDialog::createAddHostRow()
{
    // GitHub Enterprise and self-hosted GitLab servers each need a token of their own.
    auto *row = new QHBoxLayout;
    auto *forge = new QComboBox(this);
    forge->setObjectName(u"addForge"_s);
    forge->setAccessibleName(tr("Forge of the new host"));
    forge->addItem(forgeDisplayName(Forge::GitHub), forgeId(Forge::GitHub));
    forge->addItem(forgeDisplayName(Forge::GitLab), forgeId(Forge::GitLab));
    auto *host = new QLineEdit(this);
    host->setObjectName(u"addHost"_s);
    host->setAccessibleName(tr("Host of the new token"));
    host->setPlaceholderText(tr("another host, e.g. gitlab.example.org or ghe.example.com"));
    auto *add = new QPushButton(tr("&Add Host"), this);
    add->setObjectName(u"addHostButton"_s);
    auto *label = new QLabel(tr("Add:"), this);
    label->setBuddy(host);
    row->addWidget(label);
    row->addWidget(forge);
    row->addWidget(host, 1);
    row->addWidget(add);

    const auto addHost = [this, forge, host] {
        if (host->text().trimmed().isEmpty())
            return;  // Return pressed again, or nothing typed yet
        const std::optional<Forge> chosen = forgeFromId(forge->currentData().toString());
        const std::optional<TokenKey> key =
            chosen ? TokenKey::fromUserInput(*chosen, host->text().trimmed()) : std::nullopt;
        if (!key) {
            host->setFocus();
            host->selectAll();
            host->setToolTip(tr("Not a host name or URL: try gitlab.example.org"));
            return;
        }
        host->clear();
        host->setToolTip({});
        focusToken(*key, {});
        refresh();
    };
    connect(add, &QPushButton::clicked, this, addHost);
    connect(host, &QLineEdit::returnPressed, this, addHost);
    return row;
}

TokensDialog::~TokensDialog()
{
    for (const std::unique_ptr<Row> &row : m_rows)
        clearTokenEdit(*row->edit);
}

TokensDialog::Row &TokensDialog::addRow(const TokenKey &key)
{
    auto row = std::make_unique<Row>();
    Row &r = *row;
    r.key = key;
    const QString account = key.account();
    r.box = new QGroupBox(key.displayName());
    r.box->setObjectName(u"row-"_s + account);
    auto *grid = new QGridLayout(r.box);

    r.edit = new QLineEdit(r.box);
    r.edit->setObjectName(u"tokenEdit"_s);
    r.edit->setEchoMode(QLineEdit::Password);
    r.edit->setPlaceholderText(key.forge == Forge::GitHub ? tr("New token (ghp_… or github_pat_…)")
                                                          : tr("New token (glpat-…)"));
    r.edit->setAccessibleName(tr("New %1 token").arg(key.displayName()));
    addClearButton(r.edit);

    r.showButton = new QToolButton(r.box);
    r.showButton->setObjectName(u"showButton"_s);
    r.showButton->setCheckable(true);
    r.showButton->setText(tr("Show"));
    r.showButton->setAccessibleName(tr("Show the typed token"));
    r.pasteButton = new QPushButton(tr("Paste"), r.box);
    r.pasteButton->setObjectName(u"pasteButton"_s);

    r.testButton = new QPushButton(tr("Test"), r.box);
    r.testButton->setObjectName(u"testButton"_s);
    r.testButton->setToolTip(
        tr("Ask the forge what the typed token (or, if none is typed, the saved one) can do"));
    r.saveButton = new QPushButton(tr("Save"), r.box);
    r.saveButton->setObjectName(u"saveButton"_s);
    r.saveButton->setEnabled(false);
    r.removeButton = new QPushButton(tr("Remove"), r.box);
    r.removeButton->setObjectName(u"removeButton"_s);

    r.message = new QLabel(r.box);
    r.message->setObjectName(u"messageLabel"_s);
    r.message->setWordWrap(true);
    r.message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    r.health = new QListWidget(r.box);
    r.health->setObjectName(u"healthList"_s);
    r.health->setAccessibleName(tr("Health of the %1 token").arg(key.displayName()));
    r.health->setSelectionMode(QAbstractItemView::NoSelection);
    r.health->setWordWrap(true);
    r.health->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    r.health->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    r.health->hide();

    grid->addWidget(r.edit, 0, 0);
    grid->addWidget(r.showButton, 0, 1);
    grid->addWidget(r.pasteButton, 0, 2);
    auto *actions = new QHBoxLayout;
    actions->addWidget(r.message, 1);
    actions->addWidget(r.testButton);
    actions->addWidget(r.saveButton);
    actions->addWidget(r.removeButton);
    grid->addLayout(actions, 1, 0, 1, 3);
    grid->addWidget(r.health, 2, 0, 1, 3);

    connect(r.showButton, &QToolButton::toggled, this, [&r](bool shown) {
        r.edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        r.showButton->setText(shown ? tr("Hide") : tr("Show"));
    });
    connect(r.pasteButton, &QPushButton::clicked, this, [&r] {
        if (const QClipboard *clipboard = QGuiApplication::clipboard())
            r.edit->setText(clipboard->text().trimmed());
        r.edit->setFocus();
    });
    connect(r.edit, &QLineEdit::textChanged, this, [&r](const QString &text) {
        r.saveButton->setEnabled(!text.trimmed().isEmpty() && r.busy == 0);
    });
    connect(r.edit, &QLineEdit::returnPressed, this, [this, &r] {
        if (r.saveButton->isEnabled())
            save(r);
    });
    connect(r.saveButton, &QPushButton::clicked, this, [this, &r] { save(r); });
    connect(r.removeButton, &QPushButton::clicked, this, [this, &r] { remove(r); });
    connect(r.testButton, &QPushButton::clicked, this, [this, &r] { test(r); });

    // Before the trailing stretch, if there is one already.
    const int stretchIndex =
        m_rowsLayout->count() > 0 && m_rowsLayout->itemAt(m_rowsLayout->count() - 1)->spacerItem()
        ? m_rowsLayout->count() - 1
        : m_rowsLayout->count();
    m_rowsLayout->insertWidget(stretchIndex, r.box);
    for (QPushButton *button : r.box->findChildren<QPushButton *>())
        button->setAutoDefault(false);  // see the constructor: Return acts on its own field
    m_rows.push_back(std::move(row));
    return r;
}

TokensDialog::Row *TokensDialog::findRow(const TokenKey &key)
{
    for (const std::unique_ptr<Row> &row : m_rows) {
        if (row->key == key)
            return row.get();
    }
    return nullptr;
}

void TokensDialog::refresh()
{
    QList<TokenKey> keys;
    for (const std::unique_ptr<Row> &row : m_rows)
        keys << row->key;
    m_store.status(keys, this, [this](const KeychainStatus &status) {
        for (const TokenEntryStatus &entry : status.entries) {
            Row *row = findRow(entry.key);
            if (!row)
                row = &addRow(entry.key);
            // An error or a reason shown inline stays until the next action on that row.
            if (row->busy == 0 && !row->message->property("isError").toBool())
                setRowMessage(*row, presenceText(entry.presence, entry.hasThisRunToken), false);
        }
        updateBanner();
    });
}

void TokensDialog::focusToken(const TokenKey &key, const QString &reason)
{
    Row *row = findRow(key);
    if (!row)
        row = &addRow(key);
    m_scroll->ensureWidgetVisible(row->box);
    row->edit->setFocus();
    if (!reason.isEmpty())
        setRowMessage(*row, reason, true);
}

void TokensDialog::save(Row &row)
{
    QCA::SecureArray token = secureTokenFrom(*row.edit);
    if (const QString problem = checkTokenShape(token); !problem.isEmpty()) {
        setRowMessage(row, tr("Not saved: %1.").arg(problem), true);
        return;
    }
    setRowBusy(row, true);
    setRowMessage(row, tr("Saving…"), false);
    m_store.save(row.key, token, this, [this, &row, token](const TokenChange &change) mutable {
        setRowBusy(row, false);
        if (!change.error) {
            clearTokenEdit(*row.edit);
            setRowMessage(row, tr("Saved in the keychain."), false);
        } else if (offersThisRunOnly(*change.error)) {
            m_store.keepForThisRunOnly(row.key, token);
            clearTokenEdit(*row.edit);
            setRowMessage(row,
                          tr("Not saved: %1 The token is used for this run only.")
                              .arg(change.error->message()),
                          true);
        } else {
            // Locked, denied...: nothing was written; the typed token stays for a retry.
            setRowMessage(row, tr("Not saved: %1").arg(change.error->describe()), true);
        }
        token.fill('\0');
    });
}

void TokensDialog::remove(Row &row)
{
    setRowBusy(row, true);
    setRowMessage(row, tr("Removing…"), false);
    m_store.remove(row.key, this, [this, &row](const TokenChange &change) {
        setRowBusy(row, false);
        row.health->clear();
        row.health->hide();
        if (!change.error)
            setRowMessage(row, tr("Removed."), false);
        else if (change.error->kind == KeychainErrorKind::NotFound)
            setRowMessage(row, tr("No token was stored; nothing to remove."), false);
        else
            setRowMessage(row, tr("Not removed: %1").arg(change.error->describe()), true);
    });
}

void TokensDialog::test(Row &row)
{
    if (!m_healthCheck) {
        setRowMessage(row, tr("Checking tokens with the forge is not available in this build yet."),
                      true);
        return;
    }
    const auto checkToken = [this, &row](const QCA::SecureArray &token) {
        setRowMessage(row, tr("Asking %1…").arg(row.key.host), false);
        setRowBusy(row, true);
        m_healthCheck->check(row.key, token, this, [this, &row](const TokenHealthReport &report) {
            setRowBusy(row, false);
            if (report.networkError) {
                setRowMessage(
                    row, tr("Could not ask %1: %2").arg(row.key.host, *report.networkError), true);
                return;
            }
            showHealth(row, report.health);
        });
    };
    if (!row.edit->text().trimmed().isEmpty()) {
        QCA::SecureArray token = secureTokenFrom(*row.edit);
        checkToken(token);
        token.fill('\0');
        return;
    }
    setRowBusy(row, true);
    m_store.load(row.key, this, [this, &row, checkToken](TokenLoad load) {
        setRowBusy(row, false);
        if (load.error) {
            setRowMessage(row, tr("Cannot test: %1").arg(load.error->describe()), true);
            return;
        }
        checkToken(load.token);
        load.token.fill('\0');
    });
}

void TokensDialog::showHealth(Row &row, const TokenHealth &health)
{
    row.health->clear();
    for (const HealthLine &line : health.lines()) {
        auto *item = new QListWidgetItem(severityIcon(*style(), line.severity),
                                         line.label + u": "_s + line.value);
        row.health->addItem(item);
    }
    // A short list shown whole: as tall as its (wrapped) lines once laid out at its width.
    row.health->show();
    row.box->layout()->activate();
    row.health->doItemsLayout();
    int height = 2 * row.health->frameWidth();
    for (int i = 0; i < row.health->count(); ++i)
        height += row.health->visualRect(row.health->model()->index(i, 0)).height();
    row.health->setFixedHeight(height);
    switch (health.overall()) {
    case HealthSeverity::Problem:
        setRowMessage(
            row, tr("The token cannot be used as it is: %1").arg(health.problems.value(0)), true);
        break;
    case HealthSeverity::Warning:
        setRowMessage(row, health.warnings.value(0), true);
        break;
    case HealthSeverity::Ok:
    case HealthSeverity::Info:
        setRowMessage(row, tr("The token works."), false);
        break;
    }
    // The health lines are what the dialog is opened for: it grows rather than scrolls, as far
    // as the screen allows.
    m_scroll->widget()->layout()->activate();
    const int missing = m_scroll->widget()->sizeHint().height() - m_scroll->viewport()->height();
    if (missing > 0) {
        // Down to the bottom of the screen from where the dialog stands, its frame included.
        const int frame = frameGeometry().height() - this->height();
        const int room = screen()
            ? screen()->availableGeometry().bottom() - frameGeometry().top() - frame
            : this->height() + missing;
        resize(width(), std::max(this->height(), std::min(this->height() + missing, room)));
    }
}

void TokensDialog::setRowMessage(Row &row, const QString &text, bool isError)
{
    row.message->setText(text);
    row.message->setProperty("isError", isError);
    if (isError)
        showTextAsProblem(row.message);
    else
        row.message->setPalette(QPalette());  // inherit the dialog's again
}

void TokensDialog::setRowBusy(Row &row, bool busy)
{
    row.busy += busy ? 1 : -1;
    const bool idle = row.busy == 0;
    row.testButton->setEnabled(idle);
    row.removeButton->setEnabled(idle);
    row.saveButton->setEnabled(idle && !row.edit->text().trimmed().isEmpty());
}

void TokensDialog::updateBanner()
{
    const std::optional<KeychainError> problem = m_store.keychainProblem();
    const bool thisRunTokens = !m_store.thisRunTokenKeys().isEmpty();
    if (!problem && !thisRunTokens) {
        m_banner->hide();
        return;
    }
    QString text;
    if (problem) {
        text = problem->message() + u' ' + problem->nextStep() + u' ' +
            tr("Until then, a token you save is kept for this run only and forgotten when "
               "Release Console quits.");
    }
    if (thisRunTokens) {
        QStringList names;
        for (const TokenKey &key : m_store.thisRunTokenKeys())
            names << key.displayName();
        text += (text.isEmpty() ? QString() : u"\n"_s) +
            tr("Kept for this run only, forgotten when Release Console quits: %1.")
                .arg(names.join(u", "_s));
    }
    m_banner->setText(text);
    m_banner->show();
}

}  // namespace rc::ui
