// SPDX-License-Identifier: BSD-3-Clause
#include "release/releasecore.h"

#include "release/patchgenerator.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::release {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::ReleaseCore)
};

// The patch (decoded) or why there is none yet.
std::pair<QString, QString> makePatch(const ReleaseChoices &choices, const ReleaseFacts &facts)
{
    if (facts.preparedPatch)
        return {*facts.preparedPatch, {}};
    if (!facts.initFile)
        return {{}, Text::tr("the patch needs the package's __init__.py at the commit")};
    if (!checkBuild(choices.build).isEmpty() || !checkCommitSha(choices.commitSha).isEmpty())
        return {{}, Text::tr("the patch needs a valid build number and commit")};
    if (choices.author.trimmed().isEmpty())
        return {{}, Text::tr("the patch needs an author")};
    PatchRequest request;
    request.path = facts.initPath;
    request.original = *facts.initFile;
    request.version = checkVersion(choices.version).isEmpty() ? choices.version : QString();
    request.build = choices.build;
    request.commitSha = choices.commitSha;
    request.author = choices.author;
    request.timestamp = facts.timestamp;
    const PatchResult patch = generatePatch(request);
    if (!patch.ok())
        return {{}, patch.error};
    return {patch.diff, {}};
}

}  // namespace

int PreparedRelease::lintErrorCount() const
{
    return int(std::count_if(lint.cbegin(), lint.cend(), [](const PatchLintNote &note) {
        return note.severity == PatchLintNote::Severity::Error;
    }));
}

bool PreparedRelease::isReady() const
{
    return problems.isEmpty() && lintErrorCount() == 0 && !spec.patch.isEmpty() && payload.ok();
}

QStringList PreparedRelease::blockingReasons() const
{
    QStringList reasons;
    for (const FieldProblem &problem : problems)
        reasons << fieldName(problem.field) + u": "_s + problem.message;
    for (const PatchLintNote &note : lint) {
        if (note.severity == PatchLintNote::Severity::Error)
            reasons << u"patch: "_s + note.message;
    }
    if (problems.isEmpty() && !payload.ok())
        reasons << u"payload: "_s + payload.error;
    return reasons;
}

PreparedRelease prepareRelease(const ReleaseChoices &choices, const ReleaseFacts &facts,
                               const DispatchTarget &target)
{
    PreparedRelease prepared;
    prepared.encoding = target.encoding;
    ReleaseSpec &spec = prepared.spec;
    spec.recipe = choices.recipe;
    spec.commitSha = choices.commitSha;
    spec.url = facts.url;
    spec.sha256 = facts.sha256;
    spec.version = choices.version;
    spec.build = choices.build;
    spec.channel = choices.channel;
    spec.label = choices.label;

    auto [patch, unavailable] = makePatch(choices, facts);
    spec.patch = patch;
    prepared.patchUnavailable = unavailable;
    prepared.sentPatch = encodePatch(spec.patch, target.encoding);
    if (!spec.patch.isEmpty())
        prepared.lint = lintPatch(spec.patch, target.encoding);

    prepared.problems = validate(spec);
    if (!unavailable.isEmpty()) {
        // validate() says only "empty"; the reason the patch could not be made says more.
        for (FieldProblem &problem : prepared.problems) {
            if (problem.field == ReleaseField::Patch)
                problem.message = unavailable;
        }
    }

    ReleaseSpec sent = spec;
    sent.patch = prepared.sentPatch;
    if (target.kind == DispatchKind::Workflow && !target.dispatchIdInput.isEmpty()) {
        sent.dispatchIdInput = target.dispatchIdInput;
        sent.dispatchId = target.dispatchId;
    }
    if (target.kind == DispatchKind::Repository) {
        prepared.payload = buildRepositoryDispatch(sent, target.eventType);
    } else {
        prepared.payload = buildWorkflowDispatch(sent, target.ref, true);
        prepared.bodyWithoutRunDetails = buildWorkflowDispatch(sent, target.ref, false).json;
    }
    return prepared;
}

QString newDispatchId()
{
    return u"rc-"_s +
        QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, u'0');
}

}  // namespace rc::release
