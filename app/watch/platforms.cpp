// SPDX-License-Identifier: BSD-3-Clause
#include "watch/platforms.h"

#include "forge/servertext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace rc::watch {

namespace {

// Job names longer than this are not read for matrix values (outside input, bounded).
constexpr qsizetype kMaxJobNameLength = 1024;

bool isPythonVersion(const QString &value)
{
    static const QRegularExpression pattern(u"^(?:py(?:thon)?[- ]?)?3\\.\\d{1,2}$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(value).hasMatch();
}

QString variantPart(const QString &value)
{
    if (isPythonVersion(value)) {
        static const QRegularExpression prefix(u"^py(?:thon)?[- ]?"_s,
                                               QRegularExpression::CaseInsensitiveOption);
        return u"Python "_s + QString(value).remove(prefix);
    }
    return value;
}

}  // namespace

QString platformStatusName(PlatformStatus s)
{
    switch (s) {
    case PlatformStatus::Queued:
        return u"queued"_s;
    case PlatformStatus::Running:
        return u"running"_s;
    case PlatformStatus::Success:
        return u"success"_s;
    case PlatformStatus::Failure:
        return u"failure"_s;
    case PlatformStatus::Cancelled:
        return u"cancelled"_s;
    case PlatformStatus::Skipped:
        return u"skipped"_s;
    }
    return {};
}

QStringList matrixValuesOf(const QString &jobName)
{
    if (jobName.size() > kMaxJobNameLength)
        return {};
    // GitHub names a matrix job "<name> (<value>, <value>, ...)".
    const qsizetype open = jobName.lastIndexOf(u" ("_s);
    if (open <= 0 || !jobName.endsWith(u')'))
        return {};
    const QString inner = jobName.mid(open + 2, jobName.size() - open - 3);
    QStringList values;
    for (const QString &part : inner.split(u',')) {
        const QString value = part.trimmed();
        if (value.isEmpty())
            return {};
        values << value;
    }
    return values;
}

QString osOfLabel(const QString &label)
{
    const QString l = label.trimmed().toLower();
    if (l.startsWith(u"ubuntu"_s) || l.startsWith(u"linux"_s) || l.startsWith(u"debian"_s) ||
        l.startsWith(u"fedora"_s) || l.startsWith(u"centos"_s))
        return u"Linux"_s;
    if (l.startsWith(u"macos"_s) || l.startsWith(u"osx"_s) || l.startsWith(u"darwin"_s))
        return u"macOS"_s;
    if (l.startsWith(u"windows"_s) || l.startsWith(u"win-"_s) || l == u"win"_s)
        return u"Windows"_s;
    return {};
}

PlatformStatus statusOf(const QString &jobStatus, const QString &jobConclusion,
                        const std::optional<QString> &trueOutcome)
{
    if (trueOutcome && *trueOutcome != u"success"_s)
        return PlatformStatus::Failure;
    if (jobStatus == u"in_progress"_s)
        return PlatformStatus::Running;
    if (jobStatus != u"completed"_s)
        return PlatformStatus::Queued;  // queued, waiting, pending, requested
    if (jobConclusion == u"success"_s || jobConclusion == u"neutral"_s)
        return PlatformStatus::Success;
    if (jobConclusion == u"cancelled"_s)
        return PlatformStatus::Cancelled;
    if (jobConclusion == u"skipped"_s)
        return PlatformStatus::Skipped;
    // failure, timed_out, startup_failure, action_required, or one we do not know: never a
    // success by default.
    return PlatformStatus::Failure;
}

PlatformState platformFromJob(const forge::WorkflowJob &job)
{
    PlatformState p;
    p.key = job.name;
    p.jobId = job.id;
    p.jobStatus = job.status;
    p.jobConclusion = job.conclusion;
    p.startedAt = job.startedAt;
    p.completedAt = job.completedAt;
    p.htmlUrl = job.htmlUrl;

    const QStringList values = matrixValuesOf(job.name);
    QStringList variant;
    for (const QString &value : values) {
        const QString os = osOfLabel(value);
        if (!os.isEmpty() && p.os.isEmpty())
            p.os = os;
        else
            variant << variantPart(value);
    }
    for (const QString &label : job.labels) {
        if (!p.os.isEmpty())
            break;
        p.os = osOfLabel(label);
    }
    // Job and step names are the server's text and end up in cells and terminals.
    constexpr qsizetype kMaxShownName = 200;
    p.variant = forge::printableServerText(variant.join(u" · "_s), kMaxShownName);
    p.helper = values.isEmpty() && !job.name.trimmed().toLower().startsWith(u"build"_s);

    p.stepCount = int(job.steps.size());
    const forge::WorkflowStep *current = nullptr;
    for (const forge::WorkflowStep &step : job.steps) {
        if (step.status == u"in_progress"_s) {
            current = &step;
            break;
        }
        if (step.status == u"completed"_s && (!current || step.number > current->number))
            current = &step;
    }
    if (current) {
        p.stepNumber = current->number;
        p.stepName = forge::printableServerText(current->name, kMaxShownName);
    }
    p.status = statusOf(p.jobStatus, p.jobConclusion, p.trueOutcome);
    return p;
}

bool summaryBelongsTo(const QString &artifactName, const PlatformState &platform)
{
    if (platform.helper || !artifactName.startsWith(kBuildSummaryPrefix))
        return false;
    const QStringList values = matrixValuesOf(platform.key);
    if (values.isEmpty())
        return false;
    return artifactName.mid(kBuildSummaryPrefix.size()) == values.join(u'_');
}

}  // namespace rc::watch
