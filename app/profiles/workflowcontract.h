// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rc::profiles {

// A workflow file larger than this is refused unread (GitHub's own limit is far below typical
// memory, and the file comes from a repository the app does not control).
inline constexpr qsizetype kMaxWorkflowFileBytes = 512 * 1024;
// Flow collections (`[`, `{`) or block levels nested deeper than this are refused before the
// YAML parser sees them: it recurses once per level. Real workflows nest about ten levels.
inline constexpr int kMaxWorkflowNesting = 64;
// More workflow_dispatch inputs than this are refused unread (GitHub accepts at most 25).
inline constexpr int kMaxWorkflowInputs = 100;
// GitHub's limit on the inputs of one workflow_dispatch.
inline constexpr int kMaxDispatchInputs = 25;
// Input names, input types and event types longer than this are refused; run-name and the
// concurrency group are cut to it.
inline constexpr qsizetype kMaxWorkflowNameChars = 256;

// One input declared under `on.workflow_dispatch.inputs`.
struct WorkflowInput
{
    QString name;
    bool required = false;
    QString type;  // as written; "string" when absent
    bool hasDefault = false;

    friend bool operator==(const WorkflowInput &, const WorkflowInput &) = default;
};

// What a workflow file promises to a dispatcher: how it can be started, with which inputs, and
// how it treats a second run on the same ref. Read from the few keys that matter, never from the
// whole document (anchors and aliases can make a small file a huge tree).
struct WorkflowContract
{
    // Empty when the file was read; else one human sentence, with the line and column when known
    // ("line 4, column 5: ..."). Nothing else is meaningful then.
    QString error;
    bool hasWorkflowDispatch = false;
    QList<WorkflowInput> inputs;  // workflow_dispatch.inputs, in file order
    bool hasRepositoryDispatch = false;
    QStringList repositoryDispatchTypes;  // empty with hasRepositoryDispatch: any event type
    bool hasConcurrency = false;          // at workflow level
    QString concurrencyGroup;             // at workflow level, as written (often an expression)
    // `cancel-in-progress` is true, or an expression that may be true (`${{ ... }}`), at
    // workflow level or on any job.
    bool cancelsInProgress = false;
    QStringList jobsCancellingInProgress;  // ids of the jobs whose own concurrency cancels
    bool hasRunName = false;
    QString runName;

    bool ok() const { return error.isEmpty(); }
};

// Reads a workflow file (GitHub Actions YAML). Never throws; hostile input (huge, deeply
// nested, alias bombs, wrong types, duplicate keys) ends in `error`, quickly.
// `on` may be a string, a list or a map, under the key `on` or `true` (what YAML 1.1 tools make
// of `on`). workflow_dispatch and repository_dispatch may have a null value.
WorkflowContract parseWorkflow(const QByteArray &yamlText);

enum class ContractDispatch { Workflow, Repository };

// How well a workflow fits the dispatch the app will send. Messages are translatable phrases,
// lower-case first letter, no final period, as in release/validation.h.
struct ContractCheck
{
    QStringList missingInputs;  // sent but not declared (GitHub answers 422 "Unexpected inputs")
    QStringList extraInputs;    // declared, not sent: required ones are problems, optional ones
                                // warnings
    QStringList problems;       // blocking: the dispatch would be refused or misread
    QStringList warnings;       // the dispatch works, but the maintainer should know
    bool ok() const { return problems.isEmpty(); }
};

// Compares the workflow with a dispatch of kind `dispatch` carrying `sentInputs` (every value a
// string, as the app sends them). `eventType` is only used with ContractDispatch::Repository,
// and `sentInputs` only with ContractDispatch::Workflow (repository_dispatch declares none).
ContractCheck checkContract(const WorkflowContract &contract, ContractDispatch dispatch,
                            const QString &eventType, const QStringList &sentInputs);

}  // namespace rc::profiles
