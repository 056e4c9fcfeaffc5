// SPDX-License-Identifier: BSD-3-Clause
#include "flow/runrecorder.h"

#include "ledger/releaseledger.h"
#include "watch/runwatcher.h"

using namespace Qt::StringLiterals;

namespace rc::flow {

RunRecorder::RunRecorder(watch::RunWatcher *watcher, ledger::ReleaseLedger *ledger, qint64 entryId)
    : QObject(watcher)
    , m_watcher(watcher)
    , m_ledger(ledger)
    , m_entryId(entryId)
{
    connect(watcher, &watch::RunWatcher::runChanged, this, &RunRecorder::onRunChanged);
    connect(watcher, &watch::RunWatcher::platformChanged, this, &RunRecorder::onPlatformChanged);
    connect(watcher, &watch::RunWatcher::platformsInserted, this, [this](int first, int last) {
        for (int i = first; i <= last; ++i)
            onPlatformChanged(i);
    });
    connect(watcher, &watch::RunWatcher::finished, this, &RunRecorder::onFinished);
}

void RunRecorder::onRunChanged()
{
    const auto &run = m_watcher->snapshot().run;
    if (!run)
        return;
    const std::optional<ledger::LedgerEntry> entry = m_ledger->entry(m_entryId);
    if (entry && !entry->runId)
        m_ledger->recordRunFound(m_entryId, run->id, run->htmlUrl);
    if (run->runAttempt > m_attempt) {
        m_attempt = int(run->runAttempt);
        m_ledger->recordRunAttempt(m_entryId, m_attempt);
    }
}

void RunRecorder::onPlatformChanged(int index)
{
    const QList<watch::PlatformState> &platforms = m_watcher->snapshot().platforms;
    if (index < 0 || index >= platforms.size())
        return;
    const watch::PlatformState &platform = platforms.at(index);
    ledger::PlatformRecord record;
    record.platformKey = platform.key;
    record.os = platform.os;
    record.variant = platform.variant;
    record.status = watch::platformStatusName(platform.status);
    record.outcome = platform.trueOutcome.value_or(QString());
    if (platform.startedAt.isValid())
        record.startedAt = platform.startedAt;
    if (platform.completedAt.isValid())
        record.completedAt = platform.completedAt;
    if (platform.jobId > 0)
        record.jobId = platform.jobId;
    record.htmlUrl = platform.htmlUrl;
    if (m_attempt > 0)
        record.runAttempt = m_attempt;
    m_ledger->recordPlatform(m_entryId, record);
    // Only a true success times later runs: a build that failed early ran short, and a build
    // whose summary could not be read may have (it shows the job's word, not the truth).
    const bool trulySucceeded = platform.helper ? platform.status == watch::PlatformStatus::Success
                                                : platform.trueOutcome == u"success"_s;
    if (trulySucceeded && !m_timedJobs.contains(platform.jobId))
        recordStepDurations(platform);
}

void RunRecorder::recordStepDurations(const watch::PlatformState &platform)
{
    for (const forge::WorkflowJob &job : m_watcher->jobs()) {
        if (job.id != platform.jobId)
            continue;
        QList<ledger::StepDuration> steps;
        for (const auto &[name, duration] : watch::stepDurationsOf(job))
            steps.append({job.name, name, qint64(duration.count())});
        if (!steps.isEmpty() && m_ledger->recordStepDurations(m_entryId, job.name, steps))
            m_timedJobs.insert(job.id);
        return;
    }
}

void RunRecorder::onFinished()
{
    const watch::RunSnapshot &snapshot = m_watcher->snapshot();
    if (snapshot.phase != watch::WatchPhase::Completed || !snapshot.run)
        return;
    // The release's truth, not the run's: continue-on-error makes a failed build "success".
    const QString outcome = snapshot.allSucceeded()  ? u"success"_s
        : snapshot.run->conclusion == "cancelled"_L1 ? u"cancelled"_s
                                                     : u"failure"_s;
    const QDateTime completed = snapshot.run->updatedAt.isValid() ? snapshot.run->updatedAt
                                                                  : QDateTime::currentDateTimeUtc();
    m_ledger->recordRunCompleted(m_entryId, outcome, completed);
}

}  // namespace rc::flow
