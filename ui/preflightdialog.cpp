// SPDX-License-Identifier: BSD-3-Clause
#include "preflightdialog.h"

#include "release/payload.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

enum Column { StateColumn, TitleColumn, ReasonColumn };

QString stateText(const flow::PreflightCheck &check)
{
    if (!check.finished)
        return PreflightDialog::tr("checking");
    switch (check.state) {
    case flow::CheckState::Ok:
        return PreflightDialog::tr("ok");
    case flow::CheckState::Warning:
        return PreflightDialog::tr("warning");
    case flow::CheckState::Failed:
        return PreflightDialog::tr("failed");
    case flow::CheckState::Unknown:
        return PreflightDialog::tr("unknown");
    }
    return {};
}

QIcon stateIcon(const flow::PreflightCheck &check)
{
    const QStyle *style = QApplication::style();
    if (!check.finished)
        return style->standardIcon(QStyle::SP_BrowserReload);
    switch (check.state) {
    case flow::CheckState::Ok:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case flow::CheckState::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case flow::CheckState::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case flow::CheckState::Unknown:
        return style->standardIcon(QStyle::SP_MessageBoxQuestion);
    }
    return {};
}

bool askWithMessageBox(QWidget *parent, const QString &question)
{
    QMessageBox box(QMessageBox::Question, PreflightDialog::tr("Send the release?"), question,
                    QMessageBox::Cancel, parent);
    QPushButton *send = box.addButton(PreflightDialog::tr("&Send"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == send;
}

}  // namespace

PreflightDialog::PreflightDialog(const flow::ForgeClients *clients, ledger::ReleaseLedger *ledger,
                                 flow::PreflightInput input, QWidget *parent)
    : QDialog(parent)
    , m_clients(clients)
    , m_ledger(ledger)
    , m_confirm(&askWithMessageBox)
{
    setObjectName(u"preflightDialog"_s);
    setWindowTitle(tr("Preflight — Release Console"));
    const release::ReleaseSpec &spec = input.release.spec;
    const profiles::Profile &profile = input.profile;

    auto *header = new QLabel(tr("<b>%1 %2</b> build %3 → %4/label/%5<br>commit %6 · %7 · %8")
                                  .arg(spec.recipe.toHtmlEscaped(), spec.version.toHtmlEscaped(),
                                       spec.build.toHtmlEscaped(), spec.channel.toHtmlEscaped(),
                                       spec.label.toHtmlEscaped(), spec.commitSha.left(8),
                                       profile.recipesRepo.toHtmlEscaped(),
                                       profile.workflowFile.toHtmlEscaped()));
    header->setTextFormat(Qt::RichText);
    header->setWordWrap(true);

    m_checks = new QTreeWidget;
    m_checks->setObjectName(u"preflightChecks"_s);
    m_checks->setAccessibleName(tr("Checks"));
    m_checks->setHeaderLabels({tr("State"), tr("Check"), tr("Reason and next step")});
    m_checks->setRootIsDecorated(false);
    m_checks->setWordWrap(true);
    m_checks->setUniformRowHeights(false);
    m_checks->setTextElideMode(Qt::ElideNone);
    m_checks->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_checks->header()->setSectionResizeMode(TitleColumn, QHeaderView::ResizeToContents);
    m_checks->header()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_checks->header()->setStretchLastSection(true);

    m_json = new QPlainTextEdit;
    m_json->setObjectName(u"preflightJson"_s);
    m_json->setAccessibleName(tr("The JSON body that will be sent"));
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setPlainText(QString::fromUtf8(release::prettyJson(input.release.payload.json)));

    const QLocale locale;
    m_summary = new QLabel(tr("Body: %1 bytes sent as compact JSON; inputs %2 of %3 characters; "
                              "patch %4 encoding.")
                               .arg(locale.toString(input.release.payload.json.size()),
                                    locale.toString(input.release.payload.measuredSize),
                                    locale.toString(input.release.payload.limit),
                                    release::patchEncodingName(input.release.encoding)));
    m_summary->setWordWrap(true);
    m_outcome = new QLabel;
    m_outcome->setObjectName(u"dispatchOutcome"_s);
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_checks);
    splitter->addWidget(m_json);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_send = buttons->addButton(tr("&Send…"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(u"sendDispatch"_s);
    m_send->setEnabled(false);
    m_send->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreflightDialog::reject);
    m_close = buttons->button(QDialogButtonBox::Close);
    connect(m_send, &QPushButton::clicked, this, &PreflightDialog::send);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_outcome);
    layout->addWidget(buttons);
    resize(900, 640);

    m_preflight =
        new flow::Preflight(clients, std::move(input), &QDateTime::currentDateTimeUtc, this);
    for (int i = 0; i < m_preflight->report().checks.size(); ++i) {
        m_checks->addTopLevelItem(new QTreeWidgetItem);
        showCheck(i);
    }
    connect(m_preflight, &flow::Preflight::checkChanged, this, &PreflightDialog::showCheck);
    connect(m_preflight, &flow::Preflight::finished, this, &PreflightDialog::onPreflightFinished);
    m_preflight->start();
}

PreflightDialog::~PreflightDialog() = default;

void PreflightDialog::reject()
{
    if (m_dispatcher && !m_dispatcher->isFinished()) {
        m_outcome->setText(tr("Sending… this window closes once GitHub's answer is recorded."));
        return;
    }
    QDialog::reject();
}

void PreflightDialog::setRunSearch(int attempts, std::chrono::milliseconds interval)
{
    m_findAttempts = attempts;
    m_findInterval = interval;
}

const flow::PreflightReport &PreflightDialog::report() const
{
    return m_preflight->report();
}

const flow::PreflightInput &PreflightDialog::input() const
{
    return m_preflight->input();
}

bool PreflightDialog::isPreflightFinished() const
{
    return m_preflight->report().allFinished();
}

QString PreflightDialog::outcomeText() const
{
    return m_outcome->text();
}

void PreflightDialog::showCheck(int index)
{
    const flow::PreflightCheck &check = m_preflight->report().checks.at(index);
    QTreeWidgetItem *item = m_checks->topLevelItem(index);
    item->setIcon(StateColumn, stateIcon(check));
    item->setText(StateColumn, stateText(check));
    item->setText(TitleColumn, check.title);
    QString reason = check.reason;
    if (!check.nextStep.isEmpty() && check.state != flow::CheckState::Ok)
        reason += u"\n→ "_s + check.nextStep;
    item->setText(ReasonColumn, reason);
    item->setToolTip(ReasonColumn, reason);
}

void PreflightDialog::onPreflightFinished()
{
    const flow::PreflightReport &report = m_preflight->report();
    const bool ready = m_preflight->input().release.isReady() && !report.hasFailures();
    m_send->setEnabled(ready && !m_dispatcher);
    if (!ready)
        m_outcome->setText(tr("Not ready: fix what failed above, then open the preflight again."));
    else if (report.hasWarnings())
        m_outcome->setText(tr("Ready, with warnings: read them before sending."));
    else
        m_outcome->setText(tr("Ready to send."));
}

QString PreflightDialog::confirmationQuestion() const
{
    const flow::PreflightInput &input = m_preflight->input();
    const release::ReleaseSpec &spec = input.release.spec;
    QString question = tr("Send %1 %2 build %3 (label %4) to %5, workflow %6?")
                           .arg(spec.recipe, spec.version, spec.build, spec.label,
                                input.profile.recipesRepo, input.profile.workflowFile);
    for (const flow::PreflightCheck &check : m_preflight->report().checks) {
        if (check.state == flow::CheckState::Warning || check.state == flow::CheckState::Unknown)
            question += u"\n\n• "_s + check.title + u": "_s + check.reason;
    }
    return question;
}

void PreflightDialog::send()
{
    if (m_dispatcher || !m_send->isEnabled())
        return;
    // Disabled before asking: a double click cannot reach a second confirmation.
    m_send->setEnabled(false);
    if (!m_confirm(this, confirmationQuestion())) {
        m_send->setEnabled(true);
        return;
    }
    flow::DispatchRequest request;
    request.profile = m_preflight->input().profile;
    request.release = m_preflight->input().release;
    request.gitHubLogin = m_preflight->report().gitHubLogin;
    request.runNameTemplate = m_preflight->report().workflowRunName;
    request.findAttempts = m_findAttempts;
    request.findInterval = m_findInterval;
    m_dispatcher =
        new flow::Dispatcher(m_clients, m_ledger, request, &QDateTime::currentDateTimeUtc, this);
    connect(m_dispatcher, &flow::Dispatcher::stageChanged, m_outcome, &QLabel::setText);
    connect(m_dispatcher, &flow::Dispatcher::finished, this, &PreflightDialog::onDispatched);
    m_close->setEnabled(false);
    m_dispatcher->start();
}

void PreflightDialog::onDispatched()
{
    const flow::DispatchReport &report = m_dispatcher->report();
    QString text = report.message;
    if (report.outcome == flow::DispatchOutcome::Sent && !report.runUrl.isEmpty())
        text += u'\n' + tr("Run: %1").arg(report.runUrl.toString());
    m_outcome->setText(text);
    m_close->setEnabled(true);
    emit dispatched(report);
}

}  // namespace rc::ui
