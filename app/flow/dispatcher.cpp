// SPDX-License-Identifier: BSD-3-Clause
#include "flow/dispatcher.h"

#include "flow/runname.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace rc::flow {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::flow::Dispatcher)
};

using Kind = forge::ForgeError::Kind;

// GitHub starts a dispatched run within seconds; minutes later it is another dispatch's.
constexpr qint64 kLatestRunStartSeconds = 600;

// Answers that say the server did not act on the POST. Everything else after the request may
// have left (timeouts, 5xx, a lost connection, an unreadable 2xx) leaves the outcome open.
bool provesNothingWasDispatched(const forge::ForgeError &error)
{
    switch (error.kind) {
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::NotFound:
    case Kind::Validation:
    case Kind::RateLimited:
    case Kind::Tls:       // the handshake failed: the request never left
    case Kind::Redirect:  // not followed: the request was answered with a redirect, not run
        return true;
    case Kind::HttpStatus:
        return error.httpStatus >= 400 && error.httpStatus < 500;
    default:
        return false;
    }
}

// Where a person sees the workflow's runs: https://github.com/o/r/actions/workflows/f.yml.
QUrl actionsPage(const profiles::Profile &profile)
{
    QUrl web = profile.gitHubApiUrl;
    if (web.host() == "api.github.com"_L1) {
        web.setHost(u"github.com"_s);
        web.setPath({});
    } else {
        QString path = web.path();
        if (path.endsWith(u"/api/v3"_s))
            path.chop(7);
        web.setPath(path);
    }
    web.setPath(web.path() + u'/' + profile.recipesRepo + u"/actions/workflows/"_s +
                profile.workflowFile);
    return web;
}

forge::RunQuery runQuery(const profiles::Profile &profile, const QString &login,
                         const QDateTime &since)
{
    forge::RunQuery query;
    query.workflow = profile.workflowFile;
    const bool workflowKind = profile.dispatchKind == release::DispatchKind::Workflow;
    query.event = workflowKind ? u"workflow_dispatch"_s : u"repository_dispatch"_s;
    query.actor = login;
    if (workflowKind)
        query.branch = profile.workflowRef;
    query.createdSince = since;
    query.perPage = 20;
    return query;
}

QList<forge::WorkflowRun> runsSince(const QList<forge::WorkflowRun> &runs, const QDateTime &since,
                                    const QSet<qint64> &claimed,
                                    const std::optional<QString> &title = std::nullopt)
{
    QList<forge::WorkflowRun> found;
    for (const forge::WorkflowRun &run : runs) {
        if (run.createdAt.isValid() && run.createdAt >= since && !claimed.contains(run.id) &&
            (!title || run.displayTitle == *title))
            found << run;
    }
    return found;
}

}  // namespace

QString dispatchOutcomeName(DispatchOutcome outcome)
{
    switch (outcome) {
    case DispatchOutcome::Sent:
        return u"sent"_s;
    case DispatchOutcome::Refused:
        return u"refused"_s;
    case DispatchOutcome::Unknown:
        return u"unknown"_s;
    case DispatchOutcome::NotStarted:
        return u"not-started"_s;
    }
    return {};
}

Dispatcher::Dispatcher(const ForgeClients *clients, ledger::ReleaseLedger *ledger,
                       DispatchRequest request, Clock clock, QObject *parent)
    : QObject(parent)
    , m_clients(clients)
    , m_ledger(ledger)
    , m_request(std::move(request))
    , m_clock(std::move(clock))
{
    m_findTimer.setSingleShot(true);
    connect(&m_findTimer, &QTimer::timeout, this, &Dispatcher::findRun);
    m_expectedTitle = expectedRunTitle(m_request.runNameTemplate, m_request.release.payload.json);
}

ledger::LedgerEntry Dispatcher::ledgerEntry() const
{
    const profiles::Profile &profile = m_request.profile;
    const release::ReleaseSpec &spec = m_request.release.spec;
    ledger::LedgerEntry entry;
    entry.profile = profile.name;
    entry.recipe = spec.recipe;
    entry.commitSha = spec.commitSha;
    entry.version = spec.version;
    entry.build = spec.build;
    entry.channel = spec.channel;
    entry.label = spec.label;
    entry.url = spec.url;
    entry.sha256 = spec.sha256;
    const forge::GitHubRequests &requests = m_clients->gitHub.requests();
    const forge::ForgeRequest post = profile.dispatchKind == release::DispatchKind::Workflow
        ? requests.workflowDispatch(profile.recipesOwner(), profile.recipesName(),
                                    profile.workflowFile, m_request.release.payload.json)
        : requests.repositoryDispatch(profile.recipesOwner(), profile.recipesName(),
                                      m_request.release.payload.json);
    entry.endpoint = forge::describeRequest(post.method, post.url);
    entry.body = m_request.release.payload.json;
    entry.installLine = release::installLine(spec);
    return entry;
}

void Dispatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_request.release.isReady()) {
        finish(DispatchOutcome::NotStarted,
               Text::tr("Not sent: %1").arg(m_request.release.blockingReasons().join(u"; "_s)));
        return;
    }
    if (!m_ledger || !m_ledger->isOpen()) {
        finish(DispatchOutcome::NotStarted,
               Text::tr("Not sent: the release history cannot record it first (%1).")
                   .arg(m_ledger ? m_ledger->errorString() : Text::tr("no ledger")));
        return;
    }
    const std::optional<qint64> id = m_ledger->recordSending(ledgerEntry());
    if (!id) {
        finish(DispatchOutcome::NotStarted,
               Text::tr("Not sent: the release history cannot record it first (%1).")
                   .arg(m_ledger->errorString()));
        return;
    }
    m_report.ledgerId = *id;
    post(m_request.release.payload.json);
}

void Dispatcher::post(const QByteArray &body)
{
    const profiles::Profile &profile = m_request.profile;
    m_sentAt = m_clock();
    m_sentAtFromServer = false;
    ++m_report.postsSent;
    emit stageChanged(Text::tr("Sending the dispatch to %1…").arg(profile.recipesRepo));
    emit posting();
    const auto answer = [this](const forge::ForgeResult<forge::DispatchResult> &result) {
        onAnswer(result);
    };
    if (profile.dispatchKind == release::DispatchKind::Workflow)
        m_clients->gitHub.dispatchWorkflow(profile.recipesOwner(), profile.recipesName(),
                                           profile.workflowFile, body, this, answer);
    else
        m_clients->gitHub.repositoryDispatch(profile.recipesOwner(), profile.recipesName(), body,
                                             this, answer);
}

void Dispatcher::onAnswer(const forge::ForgeResult<forge::DispatchResult> &result)
{
    emit answerReceived();
    if (result.ok()) {
        const forge::DispatchResult &sent = result.value;
        if (sent.serverDate) {
            m_sentAt = *sent.serverDate;
            m_sentAtFromServer = true;
        }
        m_report.runId = sent.runId;
        m_report.runUrl = sent.htmlUrl;
        if (!m_ledger->recordSent(m_report.ledgerId, sent.runId, sent.htmlUrl, sent.serverDate))
            emit stageChanged(Text::tr("Sent, but the release history could not be updated: %1")
                                  .arg(m_ledger->errorString()));
        if (sent.runId) {
            finish(DispatchOutcome::Sent,
                   Text::tr("Sent: GitHub started run %1.").arg(*sent.runId));
            return;
        }
        // Accepted without run details (a repository dispatch, older GitHub Enterprise): the
        // run is found by listing, for the watch that follows.
        m_unclearReason.clear();
        findRun();
        return;
    }

    const forge::ForgeError &error = result.error;
    const bool workflowKind = m_request.profile.dispatchKind == release::DispatchKind::Workflow;
    if (workflowKind && !m_report.resentWithoutRunDetails &&
        forge::isReturnRunDetailsRefusal(error)) {
        // Refused by name: nothing was dispatched, so the one resend without the field is safe.
        m_report.resentWithoutRunDetails = true;
        emit stageChanged(Text::tr("This GitHub does not return run details; sending once more "
                                   "without asking for them…"));
        post(m_request.release.bodyWithoutRunDetails);
        return;
    }
    if (provesNothingWasDispatched(error)) {
        const QString why = error.describe();
        m_report.refusal = error;
        m_ledger->recordRefused(m_report.ledgerId, why);
        finish(DispatchOutcome::Refused, Text::tr("Not dispatched: %1").arg(why));
        return;
    }
    m_unclearReason = error.describe();
    // A 5xx still says when the server saw the request: the tighter bound for the search.
    if (result.value.serverDate) {
        m_sentAt = *result.value.serverDate;
        m_sentAtFromServer = true;
    }
    emit stageChanged(Text::tr("No clear answer (%1). Looking for the run before anything is "
                               "sent again…")
                          .arg(m_unclearReason));
    findRun();
}

void Dispatcher::findRun()
{
    ++m_findAttempt;
    const QDateTime since = m_sentAtFromServer
        ? m_sentAt.addSecs(-5)
        : m_sentAt.addSecs(-qint64(m_request.clockSkewAllowance.count()));
    const profiles::Profile &profile = m_request.profile;
    m_clients->gitHub.runs(
        profile.recipesOwner(), profile.recipesName(),
        runQuery(profile, m_request.gitHubLogin, since), this,
        [this, since](const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result) {
            if (!result.ok()) {
                if (m_findAttempt < m_request.findAttempts) {
                    m_findTimer.start(m_request.findInterval);
                    return;
                }
                onRunsListed(result);
                return;
            }
            const QList<forge::WorkflowRun> found =
                runsSince(result.value.items, since,
                          claimedRunIds(*m_ledger, m_request.profile.name), m_expectedTitle);
            if (found.isEmpty() && m_findAttempt < m_request.findAttempts) {
                m_findTimer.start(m_request.findInterval);
                return;
            }
            onRunsListed(result);
        });
}

void Dispatcher::onRunsListed(const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result)
{
    const bool accepted = m_unclearReason.isEmpty();
    const QDateTime since = m_sentAtFromServer
        ? m_sentAt.addSecs(-5)
        : m_sentAt.addSecs(-qint64(m_request.clockSkewAllowance.count()));
    const QList<forge::WorkflowRun> found = result.ok()
        ? runsSince(result.value.items, since, claimedRunIds(*m_ledger, m_request.profile.name),
                    m_expectedTitle)
        : QList<forge::WorkflowRun>();
    const QString page = actionsPage(m_request.profile).toString();

    if (found.size() == 1) {
        const forge::WorkflowRun &run = found.constFirst();
        m_report.runId = run.id;
        m_report.runUrl = run.htmlUrl;
        m_report.runFoundByListing = true;
        m_ledger->recordRunFound(m_report.ledgerId, run.id, run.htmlUrl);
        finish(DispatchOutcome::Sent,
               accepted ? Text::tr("Sent: run %1 started.").arg(run.id)
                        : Text::tr("Sent: the answer was lost (%1), but run %2 started at %3.")
                              .arg(m_unclearReason)
                              .arg(run.id)
                              .arg(run.createdAt.toString(Qt::ISODate)));
        return;
    }
    if (accepted) {
        // GitHub said yes; only the run's id is missing, which the watch can look for again.
        finish(
            DispatchOutcome::Sent,
            found.isEmpty()
                ? Text::tr("Sent: GitHub accepted it; its run has not appeared yet (%1).").arg(page)
                : Text::tr("Sent: GitHub accepted it; %1 runs started since, see %2.")
                      .arg(found.size())
                      .arg(page));
        return;
    }
    const QString lookAt = found.isEmpty()
        ? Text::tr("No clear answer (%1) and no run appeared since %2. It may still come: look at "
                   "%3 before sending again.")
              .arg(m_unclearReason, since.toString(Qt::ISODate), page)
        : Text::tr("No clear answer (%1) and %2 runs started since %3: look at %4 to tell which "
                   "is this release before sending again.")
              .arg(m_unclearReason)
              .arg(found.size())
              .arg(since.toString(Qt::ISODate), page);
    m_ledger->recordUnknown(m_report.ledgerId, lookAt,
                            m_sentAtFromServer ? std::optional<QDateTime>(m_sentAt) : std::nullopt);
    finish(DispatchOutcome::Unknown, lookAt);
}

void Dispatcher::finish(DispatchOutcome outcome, const QString &message)
{
    m_report.outcome = outcome;
    m_report.message = message;
    m_finished = true;
    emit finished();
}

QSet<qint64> claimedRunIds(const ledger::ReleaseLedger &ledger, const QString &profile)
{
    QSet<qint64> ids;
    for (const ledger::LedgerEntry &entry : ledger.entries(profile)) {
        if (entry.runId)
            ids.insert(*entry.runId);
    }
    return ids;
}

void findRunOfEntry(const ForgeClients *clients, const profiles::Profile &profile,
                    const ledger::LedgerEntry &entry, const QString &gitHubLogin,
                    const QSet<qint64> &claimedRunIds, QObject *context,
                    std::function<void(std::optional<forge::WorkflowRun>, QString)> done)
{
    const QDateTime since =
        entry.serverDate ? entry.serverDate->addSecs(-5) : entry.createdAt.addSecs(-120);
    clients->gitHub.runs(profile.recipesOwner(), profile.recipesName(),
                         runQuery(profile, gitHubLogin, since), context,
                         [since, done, claimedRunIds, page = actionsPage(profile).toString()](
                             const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &result) {
                             if (!result.ok()) {
                                 done(std::nullopt, result.error.describe());
                                 return;
                             }
                             // A run long after the entry (a later dispatch by hand) is not
                             // its run.
                             const QDateTime until = since.addSecs(kLatestRunStartSeconds);
                             QList<forge::WorkflowRun> found;
                             for (const forge::WorkflowRun &run :
                                  runsSince(result.value.items, since, claimedRunIds)) {
                                 if (run.createdAt <= until)
                                     found << run;
                             }
                             if (found.size() == 1) {
                                 done(found.constFirst(), {});
                                 return;
                             }
                             done(std::nullopt,
                                  found.isEmpty() ? Text::tr("no run started since %1; look at %2")
                                                        .arg(since.toString(Qt::ISODate), page)
                                                  : Text::tr("%1 runs started since %2; look at %3")
                                                        .arg(found.size())
                                                        .arg(since.toString(Qt::ISODate), page));
                         });
}

}  // namespace rc::flow
