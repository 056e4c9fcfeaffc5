// SPDX-License-Identifier: BSD-3-Clause
#include "fuzz_check.h"
#include "profiles/workflowcontract.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>

using namespace Qt::StringLiterals;

namespace {

// Messages are phrases: never empty, never starting upper-case.
bool isPhrase(const QString &message)
{
    return !message.isEmpty() && !message.front().isUpper();
}

}  // namespace

// Whatever the bytes, parseWorkflow returns (no exception, no crash, bounded time) a contract
// that keeps its promises, and checkContract's lists agree with what was declared and sent.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const rc::profiles::WorkflowContract contract = rc::profiles::parseWorkflow(yaml);

    QStringList declared;
    if (contract.ok()) {
        RC_FUZZ_CHECK(contract.inputs.size() <= rc::profiles::kMaxWorkflowInputs);
        QSet<QString> names;
        for (const rc::profiles::WorkflowInput &input : contract.inputs) {
            RC_FUZZ_CHECK(!input.name.isEmpty());
            RC_FUZZ_CHECK(!input.type.isEmpty());
            RC_FUZZ_CHECK(!names.contains(input.name));
            names.insert(input.name);
            declared.append(input.name);
        }
        RC_FUZZ_CHECK(contract.runName.size() <= rc::profiles::kMaxWorkflowNameChars);
        RC_FUZZ_CHECK(contract.concurrencyGroup.size() <= rc::profiles::kMaxWorkflowNameChars);
        RC_FUZZ_CHECK(contract.hasRunName || contract.runName.isEmpty());
        RC_FUZZ_CHECK(contract.hasWorkflowDispatch || contract.inputs.isEmpty());
        RC_FUZZ_CHECK(contract.hasRepositoryDispatch || contract.repositoryDispatchTypes.isEmpty());
        RC_FUZZ_CHECK(contract.jobsCancellingInProgress.isEmpty() || contract.cancelsInProgress);
    } else {
        RC_FUZZ_CHECK(isPhrase(contract.error));
    }

    // The same bytes give the same answer: nothing depends on state left behind.
    const rc::profiles::WorkflowContract again = rc::profiles::parseWorkflow(yaml);
    RC_FUZZ_CHECK(again.error == contract.error && again.inputs == contract.inputs);

    // What the app sends, plus one name the fuzzer may have declared.
    QStringList sent = {u"recipe"_s, u"url"_s,     u"sha256"_s, u"version"_s,
                        u"build"_s,  u"channel"_s, u"label"_s,  u"patch"_s};
    if (!declared.isEmpty())
        sent.append(declared.constFirst());
    for (const auto dispatch :
         {rc::profiles::ContractDispatch::Workflow, rc::profiles::ContractDispatch::Repository}) {
        const rc::profiles::ContractCheck check =
            rc::profiles::checkContract(contract, dispatch, u"conda-build"_s, sent);
        RC_FUZZ_CHECK(contract.ok() || !check.ok());
        for (const QString &missing : check.missingInputs)
            RC_FUZZ_CHECK(sent.contains(missing) && !declared.contains(missing));
        for (const QString &extra : check.extraInputs)
            RC_FUZZ_CHECK(declared.contains(extra) && !sent.contains(extra));
        RC_FUZZ_CHECK(check.missingInputs.isEmpty() || !check.ok());
        for (const QString &message : check.problems + check.warnings)
            RC_FUZZ_CHECK(isPhrase(message));
        // Preflight shows "cancels a run in progress" from the warnings.
        RC_FUZZ_CHECK(!contract.ok() || !contract.cancelsInProgress || !check.warnings.isEmpty());
    }

    // Preflight's own calls (Preflight::checkWorkflowContract): exactly the app's inputs, and the
    // profile's event type, which the user typed, so anything; the fuzzer's first declared type
    // makes the accepted path reachable.
    const QStringList appInputs = {u"recipe"_s, u"url"_s,     u"sha256"_s, u"version"_s,
                                   u"build"_s,  u"channel"_s, u"label"_s,  u"patch"_s};
    const rc::profiles::ContractCheck workflowCheck = rc::profiles::checkContract(
        contract, rc::profiles::ContractDispatch::Workflow, QString(), appInputs);
    bool declaresExactly =
        contract.ok() && contract.hasWorkflowDispatch && contract.inputs.size() == appInputs.size();
    for (const rc::profiles::WorkflowInput &input : contract.inputs)
        declaresExactly =
            declaresExactly && appInputs.contains(input.name) && input.type == u"string"_s;
    // A workflow declaring exactly the eight string inputs sent is never refused.
    if (declaresExactly)
        RC_FUZZ_CHECK(workflowCheck.ok());
    if (contract.ok() && !contract.hasWorkflowDispatch)
        RC_FUZZ_CHECK(!workflowCheck.ok());

    QStringList eventTypes = {QString(), u"conda-build"_s, QString(101, u'x')};
    if (!contract.repositoryDispatchTypes.isEmpty())
        eventTypes.append(contract.repositoryDispatchTypes.constFirst());
    for (const QString &eventType : eventTypes) {
        const rc::profiles::ContractCheck check = rc::profiles::checkContract(
            contract, rc::profiles::ContractDispatch::Repository, eventType, appInputs);
        const bool typeAccepted = contract.repositoryDispatchTypes.isEmpty() ||
            contract.repositoryDispatchTypes.contains(eventType);
        const bool typeValid = !eventType.isEmpty() && eventType.size() <= 100;
        // repository_dispatch declares no inputs: only the trigger and the event type count.
        RC_FUZZ_CHECK(
            check.ok() ==
            (contract.ok() && contract.hasRepositoryDispatch && typeAccepted && typeValid));
        RC_FUZZ_CHECK(check.missingInputs.isEmpty() && check.extraInputs.isEmpty());
    }
    return 0;
}
