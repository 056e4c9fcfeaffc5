// SPDX-License-Identifier: BSD-3-Clause
#include "flow/preflight.h"

#include "flow/dispatcher.h"
#include "profiles/workflowcontract.h"
#include "release/validation.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace rc::flow {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::flow::Preflight)
};

constexpr int kExpiryWarningDays = 14;

const QStringList kSentInputs = {u"recipe"_s, u"url"_s,     u"sha256"_s, u"version"_s,
                                 u"build"_s,  u"channel"_s, u"label"_s,  u"patch"_s};

QString shortSha(const QString &sha)
{
    return sha.left(8);
}

QString describeError(const forge::ForgeError &error)
{
    return error.describe();
}

// A token's state so far, and what its expiry adds to it.
struct TokenVerdict
{
    CheckState state = CheckState::Ok;
    QString reason;
    QString next;

    void noteExpiry(bool expired, qint64 daysLeft)
    {
        if (expired) {
            state = CheckState::Failed;
            reason += u"; "_s + Text::tr("expired");
        } else if (daysLeft < kExpiryWarningDays && state == CheckState::Ok) {
            state = CheckState::Warning;
            reason += u"; "_s + Text::tr("expires in %n days", nullptr, int(daysLeft));
            next = Text::tr("renew it soon");
        }
    }
};

}  // namespace

QString checkStateName(CheckState state)
{
    switch (state) {
    case CheckState::Unknown:
        return u"unknown"_s;
    case CheckState::Ok:
        return u"ok"_s;
    case CheckState::Warning:
        return u"warning"_s;
    case CheckState::Failed:
        return u"failed"_s;
    }
    return {};
}

bool PreflightReport::allFinished() const
{
    return std::all_of(checks.cbegin(), checks.cend(),
                       [](const PreflightCheck &check) { return check.finished; });
}

bool PreflightReport::hasFailures() const
{
    return std::any_of(checks.cbegin(), checks.cend(), [](const PreflightCheck &check) {
        return check.state == CheckState::Failed;
    });
}

bool PreflightReport::hasWarnings() const
{
    return std::any_of(checks.cbegin(), checks.cend(), [](const PreflightCheck &check) {
        return check.state == CheckState::Warning || check.state == CheckState::Unknown;
    });
}

const PreflightCheck *PreflightReport::check(const QString &id) const
{
    for (const PreflightCheck &check : checks) {
        if (check.id == id)
            return &check;
    }
    return nullptr;
}

Preflight::Preflight(const ForgeClients *clients, PreflightInput input, Clock clock,
                     QObject *parent)
    : QObject(parent)
    , m_clients(clients)
    , m_input(std::move(input))
    , m_clock(std::move(clock))
{
    const bool workflowKind = m_input.profile.dispatchKind == release::DispatchKind::Workflow;
    const auto add = [this](const QString &id, const QString &title) {
        PreflightCheck check;
        check.id = id;
        check.title = title;
        check.reason = Text::tr("checking…");
        m_report.checks << check;
    };
    add(u"github-token"_s, Text::tr("GitHub token"));
    add(u"gitlab-token"_s, Text::tr("GitLab token"));
    add(u"workflow"_s, Text::tr("Workflow"));
    add(u"workflow-inputs"_s, Text::tr("Workflow inputs"));
    if (workflowKind)
        add(u"ref"_s, Text::tr("Recipes repo ref"));
    add(u"pipeline"_s, Text::tr("Commit's pipeline"));
    add(u"checksum"_s, Text::tr("Checksum"));
    add(u"patch"_s, Text::tr("Patch"));
    add(u"version"_s, Text::tr("Version and build"));
    add(u"run-in-progress"_s, Text::tr("Runs in progress"));
    add(u"size"_s, Text::tr("Body size"));
    if (m_input.ledger) {
        add(u"earlier-dispatch"_s, Text::tr("Earlier dispatches"));
        add(u"already-dispatched"_s, Text::tr("Same release before"));
    }
}

int Preflight::indexOf(const QString &id) const
{
    for (int i = 0; i < m_report.checks.size(); ++i) {
        if (m_report.checks.at(i).id == id)
            return i;
    }
    return -1;
}

void Preflight::settle(const QString &id, CheckState state, const QString &reason,
                       const QString &nextStep)
{
    const int index = indexOf(id);
    if (index < 0)
        return;
    PreflightCheck &check = m_report.checks[index];
    check.state = state;
    check.reason = reason;
    check.nextStep = nextStep;
    check.finished = true;
    emit checkChanged(index);
    if (!m_emittedFinished && m_report.allFinished()) {
        m_emittedFinished = true;
        emit finished();
    }
}

void Preflight::start()
{
    checkLocalFacts();
    checkAlreadyDispatched();
    checkGitHubToken();
    checkGitLabToken();
    checkWorkflow();
    checkWorkflowContract();
    if (m_input.profile.dispatchKind == release::DispatchKind::Workflow)
        checkRef();
    checkAnaconda();
}

void Preflight::checkLocalFacts()
{
    const release::PreparedRelease &release = m_input.release;
    const release::ReleaseSpec &spec = release.spec;

    if (!m_input.checksum) {
        settle(u"checksum"_s, CheckState::Failed, Text::tr("no checksum was computed"),
               Text::tr("compute the tarball's checksum for this commit"));
        settle(u"pipeline"_s, CheckState::Unknown,
               Text::tr("not known until the tarball is resolved"));
    } else {
        const ChecksumRecord &record = *m_input.checksum;
        if (record.commitSha != spec.commitSha || record.url != spec.url ||
            record.sha256.compare(spec.sha256, Qt::CaseInsensitive) != 0)
            settle(u"checksum"_s, CheckState::Failed,
                   Text::tr("the checksum was computed for commit %1 and %2, not for this release")
                       .arg(shortSha(record.commitSha), record.url),
                   Text::tr("compute the checksum again"));
        else
            settle(u"checksum"_s, CheckState::Ok,
                   Text::tr("sha256 %1… of the tarball of commit %2")
                       .arg(record.sha256.left(12), shortSha(record.commitSha)));
        const QString &status = record.pipelineStatus;
        if (status == "success"_L1)
            settle(u"pipeline"_s, CheckState::Ok, Text::tr("the pipeline passed"));
        else if (status.isEmpty())
            settle(u"pipeline"_s, CheckState::Unknown,
                   Text::tr("the pipeline's status is unknown"));
        else
            settle(u"pipeline"_s, CheckState::Warning,
                   Text::tr("the commit's pipeline is %1").arg(status),
                   Text::tr("release a commit whose pipeline passed, or go on knowingly"));
    }

    if (release.spec.patch.isEmpty())
        settle(u"patch"_s, CheckState::Failed, release.patchUnavailable);
    else if (release.lintErrorCount() > 0)
        settle(u"patch"_s, CheckState::Failed, release.lint.constFirst().message);
    else
        settle(u"patch"_s, CheckState::Ok,
               release.encoding == release::PatchEncoding::Printf
                   ? Text::tr("carried byte-exact: encoded for the workflow's printf '…'")
                   : Text::tr("carried byte-exact: sent as is (raw)"));

    const QLocale locale;
    if (release.payload.ok())
        settle(u"size"_s, CheckState::Ok,
               Text::tr("%1 of %2 characters")
                   .arg(locale.toString(release.payload.measuredSize),
                        locale.toString(release.payload.limit)));
    else
        settle(u"size"_s, CheckState::Failed, release.payload.error,
               Text::tr("make the patch smaller"));
}

void Preflight::checkGitHubToken()
{
    m_clients->gitHub.whoAmI(this, [this](const forge::ForgeResult<forge::GitHubIdentity> &r) {
        if (!r.ok()) {
            settle(u"github-token"_s, CheckState::Failed, describeError(r.error),
                   Text::tr("add or replace the GitHub token (Tools > Tokens, or 'release-console "
                            "tokens set --forge github')"));
            settle(u"run-in-progress"_s, CheckState::Unknown,
                   Text::tr("runs are looked for with a working GitHub token"));
            settle(u"earlier-dispatch"_s, CheckState::Unknown,
                   Text::tr("runs are looked for with a working GitHub token"));
            return;
        }
        const forge::GitHubIdentity &identity = r.value;
        m_report.gitHubLogin = identity.login;
        TokenVerdict verdict;
        verdict.reason = Text::tr("signed in as %1 (%2)")
                             .arg(identity.login, forge::gitHubTokenKindName(identity.tokenKind));
        if (identity.scopesKnown) {
            const bool canDispatch =
                identity.scopes.contains(u"repo"_s) || identity.scopes.contains(u"public_repo"_s);
            if (!canDispatch) {
                verdict.state = CheckState::Failed;
                verdict.reason +=
                    u"; "_s + Text::tr("scopes %1 lack 'repo'").arg(identity.scopes.join(u", "_s));
                verdict.next = Text::tr("create a token with the 'repo' and 'workflow' scopes");
            }
        }
        if (identity.expiresAt)
            verdict.noteExpiry(*identity.expiresAt <= m_clock(),
                               m_clock().daysTo(*identity.expiresAt));
        settle(u"github-token"_s, verdict.state, verdict.reason, verdict.next);
        checkRunsInProgress();
        checkEarlierDispatches();
    });
}

void Preflight::checkGitLabToken()
{
    m_clients->gitLab.tokenInfo(this, [this](const forge::ForgeResult<forge::GitLabTokenInfo> &r) {
        if (!r.ok()) {
            settle(u"gitlab-token"_s, CheckState::Failed, describeError(r.error),
                   Text::tr("add or replace the GitLab token"));
            return;
        }
        const forge::GitLabTokenInfo &info = r.value;
        TokenVerdict verdict;
        verdict.reason = Text::tr("signed in as %1").arg(info.username);
        if (info.scopesKnown) {
            const bool canRead =
                info.scopes.contains(u"read_api"_s) || info.scopes.contains(u"api"_s);
            verdict.reason += u"; "_s + Text::tr("scopes %1").arg(info.scopes.join(u", "_s));
            // A fine-grained token's scopes may not say what it can do (SPEC §2): the commit,
            // its __init__.py and its tarball were read with it, which is what counts.
            if (!canRead) {
                verdict.state = CheckState::Warning;
                verdict.reason += u"; "_s +
                    Text::tr("no 'read_api' scope, but it read the commit "
                             "and its tarball");
                verdict.next = Text::tr("a classic token needs the 'read_api' scope");
            }
        }
        if (!info.active || info.revoked) {
            verdict.state = CheckState::Failed;
            verdict.reason += u"; "_s + Text::tr("not active");
        }
        if (info.expiresAt) {
            // GitLab's token stops working on its expiry day (UTC).
            const qint64 days = m_clock().toUTC().date().daysTo(*info.expiresAt);
            verdict.noteExpiry(days <= 0, days);
        }
        settle(u"gitlab-token"_s, verdict.state, verdict.reason, verdict.next);
    });
}

void Preflight::checkWorkflow()
{
    const profiles::Profile &p = m_input.profile;
    m_clients->gitHub.workflow(
        p.recipesOwner(), p.recipesName(), p.workflowFile, this,
        [this](const forge::ForgeResult<forge::GitHubWorkflow> &r) {
            if (!r.ok()) {
                settle(u"workflow"_s, CheckState::Failed, describeError(r.error),
                       Text::tr("check the profile's recipes repo and workflow file"));
                return;
            }
            if (!r.value.isActive())
                settle(u"workflow"_s, CheckState::Failed,
                       Text::tr("'%1' is %2").arg(r.value.name, r.value.state),
                       Text::tr("enable the workflow in the repository's Actions tab"));
            else
                settle(u"workflow"_s, CheckState::Ok,
                       Text::tr("'%1' (%2) is active").arg(r.value.name, r.value.path));
        });
}

void Preflight::checkWorkflowContract()
{
    const profiles::Profile &p = m_input.profile;
    const QString path = u".github/workflows/"_s + p.workflowFile;
    m_clients->gitHub.fileContents(
        p.recipesOwner(), p.recipesName(), path, p.workflowRef, this,
        [this, path](const forge::ForgeResult<QByteArray> &r) {
            m_contractAnswered = true;
            if (!r.ok()) {
                settle(u"workflow-inputs"_s, CheckState::Unknown,
                       Text::tr("%1 could not be read: %2").arg(path, describeError(r.error)));
                settleRunsInProgress();
                return;
            }
            const profiles::WorkflowContract contract = profiles::parseWorkflow(r.value);
            const profiles::Profile &profile = m_input.profile;
            const profiles::ContractCheck check =
                profiles::checkContract(contract,
                                        profile.dispatchKind == release::DispatchKind::Workflow
                                            ? profiles::ContractDispatch::Workflow
                                            : profiles::ContractDispatch::Repository,
                                        profile.eventType, kSentInputs);
            m_cancelsInProgress = !contract.ok() || contract.cancelsInProgress;
            settleRunsInProgress();
            m_report.workflowHasRunName = contract.ok() && contract.hasRunName;
            if (m_report.workflowHasRunName)
                m_report.workflowRunName = contract.runName;
            if (!check.ok())
                settle(u"workflow-inputs"_s, CheckState::Failed, check.problems.join(u"; "_s),
                       Text::tr("make the workflow declare exactly the inputs sent"));
            else if (!check.warnings.isEmpty())
                settle(u"workflow-inputs"_s, CheckState::Warning, check.warnings.join(u"; "_s));
            else
                settle(u"workflow-inputs"_s, CheckState::Ok,
                       Text::tr("declares the 8 inputs sent"));
        });
}

void Preflight::checkRef()
{
    const profiles::Profile &p = m_input.profile;
    m_clients->gitHub.branch(
        p.recipesOwner(), p.recipesName(), p.workflowRef, this,
        [this](const forge::ForgeResult<forge::GitHubBranch> &r) {
            if (!r.ok())
                settle(u"ref"_s, CheckState::Failed, describeError(r.error),
                       Text::tr("set the profile's workflow ref to an "
                                "existing branch"));
            else
                settle(u"ref"_s, CheckState::Ok,
                       Text::tr("branch %1 at %2").arg(r.value.name, shortSha(r.value.sha)));
        });
}

void Preflight::checkRunsInProgress()
{
    const profiles::Profile &p = m_input.profile;
    forge::RunQuery query;
    query.workflow = p.workflowFile;
    if (p.dispatchKind == release::DispatchKind::Workflow)
        query.branch = p.workflowRef;
    query.perPage = 20;
    m_clients->gitHub.runs(p.recipesOwner(), p.recipesName(), query, this,
                           [this](const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &r) {
                               m_runsAnswer = r;
                               settleRunsInProgress();
                           });
}

// Whether a run in progress would be cancelled depends on the workflow's concurrency: the
// runs list and the workflow file are both needed, whichever answers first.
void Preflight::settleRunsInProgress()
{
    if (!m_runsAnswer || !m_contractAnswered)
        return;
    const forge::ForgeResult<forge::Page<forge::WorkflowRun>> &r = *m_runsAnswer;
    if (!r.ok()) {
        settle(u"run-in-progress"_s, CheckState::Unknown, describeError(r.error));
        return;
    }
    for (const forge::WorkflowRun &run : r.value.items) {
        if (run.status == "completed"_L1)
            continue;
        m_report.runInProgress = run;
        m_report.wouldCancelRun = m_cancelsInProgress;
        const QString name =
            Text::tr("run #%1 (%2, %3)").arg(run.runNumber).arg(run.displayTitle, run.status);
        settle(u"run-in-progress"_s, CheckState::Warning,
               m_cancelsInProgress
                   ? Text::tr("%1 would be cancelled by this dispatch (the "
                              "workflow cancels runs in progress)")
                         .arg(name)
                   : Text::tr("%1 is still going; this one queues after it").arg(name),
               Text::tr("wait for it to finish, or send knowingly"));
        return;
    }
    settle(u"run-in-progress"_s, CheckState::Ok, Text::tr("no run in progress"));
}

// The same release (commit, version, build, label) sent before from here: sending it again
// cancels or duplicates its run.
void Preflight::checkAlreadyDispatched()
{
    if (!m_input.ledger)
        return;
    const release::ReleaseSpec &spec = m_input.release.spec;
    for (const ledger::LedgerEntry &entry : m_input.ledger->entries(m_input.profile.name)) {
        if (entry.state == ledger::DispatchState::Refused || entry.commitSha != spec.commitSha ||
            entry.version != spec.version || entry.build != spec.build || entry.label != spec.label)
            continue;
        settle(u"already-dispatched"_s, CheckState::Warning,
               Text::tr("this release was dispatched before: #%1 on %2 (%3%4)")
                   .arg(entry.id)
                   .arg(entry.createdAt.toLocalTime().toString(Qt::ISODate),
                        ledger::stateName(entry.state),
                        entry.runId ? Text::tr(", run %1").arg(*entry.runId) : QString()),
               Text::tr("use another build number, or send again knowingly (--resend)"));
        m_report.alreadyDispatched = true;
        return;
    }
    settle(u"already-dispatched"_s, CheckState::Ok, Text::tr("not dispatched from here before"));
}

// A dispatch recorded as "sending" or "unknown" (a crash, a lost answer) may have started a
// run: it is looked for before another release is sent, and the ledger learns the truth. The
// newest open entry is looked at first, and a run it takes is not offered to older ones: a run
// belongs to the latest dispatch before it.
void Preflight::checkEarlierDispatches()
{
    if (!m_input.ledger)
        return;
    m_earlierOpenEntries.clear();
    for (const ledger::LedgerEntry &entry : m_input.ledger->unresolved()) {
        if (entry.profile == m_input.profile.name)
            m_earlierOpenEntries.prepend(entry);  // unresolved() is oldest first
    }
    if (m_earlierOpenEntries.isEmpty()) {
        settle(u"earlier-dispatch"_s, CheckState::Ok,
               Text::tr("every earlier dispatch has an outcome"));
        return;
    }
    m_earlierClaimed = claimedRunIds(*m_input.ledger, m_input.profile.name);
    lookForNextEarlierRun();
}

void Preflight::lookForNextEarlierRun()
{
    if (m_earlierOpenEntries.isEmpty()) {
        if (m_earlierOpen.isEmpty())
            settle(u"earlier-dispatch"_s, CheckState::Ok, m_earlierFound.join(u"; "_s));
        else
            settle(u"earlier-dispatch"_s, CheckState::Warning,
                   (m_earlierOpen + m_earlierFound).join(u"; "_s),
                   Text::tr("make sure it did not run before sending again"));
        return;
    }
    const ledger::LedgerEntry entry = m_earlierOpenEntries.takeFirst();
    findRunOfEntry(m_clients, m_input.profile, entry, m_report.gitHubLogin, m_earlierClaimed, this,
                   [this, entry](std::optional<forge::WorkflowRun> run, const QString &why) {
                       const QString name =
                           Text::tr("dispatch #%1 of %2 %3 (%4)")
                               .arg(entry.id)
                               .arg(entry.recipe, entry.version,
                                    entry.createdAt.toLocalTime().toString(Qt::ISODate));
                       if (run) {
                           m_input.ledger->recordRunFound(entry.id, run->id, run->htmlUrl);
                           m_earlierClaimed.insert(run->id);
                           m_earlierFound << Text::tr("%1 started run %2").arg(name).arg(run->id);
                       } else {
                           m_earlierOpen << Text::tr("%1: outcome unknown, %2").arg(name, why);
                       }
                       lookForNextEarlierRun();
                   });
}

void Preflight::checkAnaconda()
{
    const release::ReleaseSpec &spec = m_input.release.spec;
    if (!release::checkChannel(spec.channel).isEmpty() ||
        !release::checkRecipe(spec.recipe).isEmpty() ||
        !release::checkBuild(spec.build).isEmpty()) {
        settle(u"version"_s, CheckState::Unknown,
               Text::tr("needs a valid recipe, channel and build"));
        return;
    }
    m_clients->anaconda.files(
        spec.channel, spec.recipe, this,
        [this](const forge::ForgeResult<forge::AnacondaPackageFiles> &r) {
            const release::ReleaseSpec &s = m_input.release.spec;
            if (!r.ok()) {
                settle(u"version"_s, CheckState::Unknown, describeError(r.error));
                return;
            }
            const forge::AnacondaPackageFiles &files = r.value;
            const qint64 build = s.build.toLongLong();
            const qint64 next = files.nextBuildNumber(s.version);
            if (files.isPublished(s.version, build, s.label)) {
                settle(u"version"_s, CheckState::Failed,
                       Text::tr("%1 build %2 is already on %3/label/%4")
                           .arg(s.version, s.build, s.channel, s.label),
                       Text::tr("use build %1").arg(next));
                return;
            }
            const QStringList labels = files.labels(s.version);
            if (!files.packageExists)
                settle(u"version"_s, CheckState::Ok,
                       Text::tr("first upload of %1 to %2").arg(s.recipe, s.channel));
            else if (labels.isEmpty())
                settle(u"version"_s, CheckState::Ok,
                       Text::tr("%1 is not published yet").arg(s.version));
            else if (build < next)
                settle(u"version"_s, CheckState::Warning,
                       Text::tr("%1 is on %2; build %3 is lower than the next free build %4")
                           .arg(s.version, labels.join(u", "_s), s.build)
                           .arg(next),
                       Text::tr("use build %1").arg(next));
            else
                settle(u"version"_s, CheckState::Ok,
                       Text::tr("%1 build %2 is unused (the version is on %3)")
                           .arg(s.version, s.build, labels.join(u", "_s)));
        });
}

}  // namespace rc::flow
