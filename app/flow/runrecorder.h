// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QObject>
#include <QSet>

namespace rc::ledger {
class ReleaseLedger;
}
namespace rc::watch {
class RunWatcher;
struct PlatformState;
}  // namespace rc::watch

namespace rc::flow {

// Keeps a dispatch's ledger entry up to date from the watcher of its run: the run (when it was
// found by watching), its attempt, every platform's status and true outcome with its times, and
// the release's outcome when the run completes — so the history survives a restart, and a run
// left unfinished is watched again. A job that succeeded leaves its step durations, which time
// the polls of the profile's later runs.
class RunRecorder : public QObject
{
    Q_OBJECT

public:
    // Lives as long as `watcher` (its parent).
    RunRecorder(watch::RunWatcher *watcher, ledger::ReleaseLedger *ledger, qint64 entryId);

private:
    void onRunChanged();
    void onPlatformChanged(int index);
    void onFinished();
    void recordStepDurations(const watch::PlatformState &platform);

    watch::RunWatcher *m_watcher;
    ledger::ReleaseLedger *m_ledger;
    qint64 m_entryId;
    int m_attempt = 0;
    QSet<qint64> m_timedJobs;  // jobs whose step durations are recorded
};

}  // namespace rc::flow
