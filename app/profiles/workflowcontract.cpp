// SPDX-License-Identifier: BSD-3-Clause
#include "profiles/workflowcontract.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QVarLengthArray>

#include <exception>
#include <functional>
#include <new>
#include <optional>
#include <string>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace rc::profiles {

namespace {

// lupdate reads the context from here; free Text::tr() functions would be filed under another.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::profiles::WorkflowContract)
};

// Map entries and list items the reader may visit in one file. A real workflow needs a few
// hundred; aliases can make a small file present the same big map many times over.
constexpr int kMaxVisitedEntries = 100'000;
// repository_dispatch's event_type is at most 100 characters (GitHub REST API).
constexpr qsizetype kMaxEventTypeChars = 100;

QString quoted(const QString &text)
{
    return u"'"_s + text + u"'"_s;
}

QString quotedList(const QStringList &names)
{
    QStringList quotedNames;
    quotedNames.reserve(names.size());
    for (const QString &name : names)
        quotedNames.append(quoted(name));
    return quotedNames.join(u", "_s);
}

// yaml-cpp counts lines and columns from 0; people count from 1.
QString located(int zeroBasedLine, int zeroBasedColumn, const QString &message)
{
    if (zeroBasedLine < 0)
        return message;
    return Text::tr("line %1, column %2: %3")
        .arg(zeroBasedLine + 1)
        .arg(zeroBasedColumn + 1)
        .arg(message);
}

// A count as people read it: grouped in the application's locale, in English ("524,288") when
// only the C locale is set, as in scripts and tests (the same rule as the release core's).
QString formatCount(qsizetype count)
{
    const QLocale locale;
    const QLocale readable = locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
    return readable.toString(qint64(count));
}

QString cappedText(const std::string &text)
{
    const QString value = QString::fromStdString(text.substr(0, size_t(kMaxWorkflowNameChars) * 4));
    if (value.size() <= kMaxWorkflowNameChars)
        return value;
    return value.first(kMaxWorkflowNameChars - 1) + QChar(0x2026);
}

// ---------------------------------------------------------------------------------------------
// Structure scan: yaml-cpp recurses once per nesting level (and stops itself only near 500
// levels, with the message "bad file"), so absurd nesting is refused here first, with a clear
// message. The scan follows just enough YAML to not be fooled by brackets inside quoted
// scalars, comments, block scalars (`run: |` scripts full of `[[ ]]`) and plain text such as
// `${{ inputs.recipe }}`. It may be lenient on odd files; yaml-cpp's own limit stays behind it.

bool isBlank(char character)
{
    return character == ' ' || character == '\t';
}

bool isBlankOrEnd(QByteArrayView line, qsizetype index)
{
    return index >= line.size() || isBlank(line.at(index));
}

bool isBlankLine(QByteArrayView line)
{
    for (const char character : line) {
        if (!isBlank(character))
            return false;
    }
    return true;
}

// `|`, `>`, with an optional chomping indicator and indentation digit, in either order.
bool isBlockScalarHeader(QByteArrayView token)
{
    if (token.isEmpty() || token.size() > 3 || (token.front() != '|' && token.front() != '>'))
        return false;
    for (const char character : token.sliced(1)) {
        if (character != '+' && character != '-' && (character < '1' || character > '9'))
            return false;
    }
    return true;
}

class StructureScan
{
public:
    std::optional<QString> run(QByteArrayView text)
    {
        qsizetype start = 0;
        int lineNumber = 0;
        while (start <= text.size()) {
            qsizetype end = text.indexOf('\n', start);
            if (end < 0)
                end = text.size();
            QByteArrayView line = text.sliced(start, end - start);
            if (line.endsWith('\r'))
                line.chop(1);
            if (auto issue = scanLine(line, lineNumber))
                return issue;
            ++lineNumber;
            start = end + 1;
        }
        // yaml-cpp reads an unclosed single-quoted text up to the end of the file; GitHub does not.
        if (m_quote != 0)
            return located(m_quoteLine, m_quoteColumn,
                           Text::tr("the quoted text that starts here is never closed"));
        return std::nullopt;
    }

private:
    std::optional<QString> scanLine(QByteArrayView line, int lineNumber)
    {
        qsizetype indent = 0;
        while (indent < line.size() && line.at(indent) == ' ')
            ++indent;
        if (m_blockScalarParent) {
            if (isBlankLine(line) || indent > *m_blockScalarParent)
                return std::nullopt;
            m_blockScalarParent.reset();
        }

        const bool structural = m_quote == 0 && m_flowDepth == 0;
        qsizetype index = 0;
        qsizetype contentColumn = 0;
        qsizetype lastIndicator = -1;
        if (structural) {
            qsizetype firstVisible = 0;
            while (firstVisible < line.size() && isBlank(line.at(firstVisible)))
                ++firstVisible;
            if (firstVisible == line.size() || line.at(firstVisible) == '#')
                return std::nullopt;
            const qsizetype tab = line.first(firstVisible).indexOf('\t');
            if (tab >= 0)
                return located(lineNumber, int(tab),
                               Text::tr("the line is indented with a tab, and YAML allows only "
                                        "spaces for indentation"));

            while (!m_blockLevels.isEmpty() && m_blockLevels.last() >= indent)
                m_blockLevels.removeLast();
            m_blockLevels.append(indent);
            index = indent;
            // Compact nesting: "- - key: value" opens a level at each indicator.
            while (index < line.size() &&
                   (line.at(index) == '-' || line.at(index) == '?' || line.at(index) == ':') &&
                   isBlankOrEnd(line, index + 1)) {
                lastIndicator = index;
                ++index;
                while (index < line.size() && isBlank(line.at(index)))
                    ++index;
                if (index < line.size() && line.at(index) != '#')
                    m_blockLevels.append(index);
            }
            if (m_blockLevels.size() > kMaxWorkflowNesting)
                return located(lineNumber, int(index), tooDeep());
            contentColumn = index;
            m_expectNode = true;
        }

        qsizetype contentEnd = line.size();
        for (; index < line.size(); ++index) {
            const char character = line.at(index);
            if (m_quote == '"') {
                if (character == '\\')
                    ++index;
                else if (character == '"')
                    m_quote = 0;
                continue;
            }
            if (m_quote == '\'') {
                if (character == '\'') {
                    if (index + 1 < line.size() && line.at(index + 1) == '\'')
                        ++index;
                    else
                        m_quote = 0;
                }
                continue;
            }
            if (isBlank(character))
                continue;
            if (character == '#' && (index == 0 || isBlank(line.at(index - 1)))) {
                contentEnd = index;
                break;
            }
            if (m_expectNode && (character == '&' || character == '!' || character == '*')) {
                // An anchor, tag or alias: the node itself (if any) comes after it.
                while (index + 1 < line.size() && !isBlank(line.at(index + 1)) &&
                       !QByteArrayView("[]{},").contains(line.at(index + 1)))
                    ++index;
                continue;
            }
            if (m_expectNode && (character == '"' || character == '\'')) {
                m_quote = character;
                m_quoteLine = lineNumber;
                m_quoteColumn = int(index);
                m_expectNode = false;
                continue;
            }
            if ((character == '[' || character == '{') && (m_expectNode || m_flowDepth > 0)) {
                if (++m_flowDepth > kMaxWorkflowNesting)
                    return located(lineNumber, int(index), tooDeep());
                m_expectNode = true;
                continue;
            }
            if ((character == ']' || character == '}') && m_flowDepth > 0) {
                --m_flowDepth;
                m_expectNode = false;
                continue;
            }
            if (character == ',' && m_flowDepth > 0) {
                m_expectNode = true;
                continue;
            }
            // JSON-like flow maps may write "key":value without a blank.
            m_expectNode = character == ':' && (m_flowDepth > 0 || isBlankOrEnd(line, index + 1));
        }

        if (structural && m_quote == 0 && m_flowDepth == 0) {
            qsizetype tokenEnd = contentEnd;
            while (tokenEnd > 0 && isBlank(line.at(tokenEnd - 1)))
                --tokenEnd;
            qsizetype tokenStart = tokenEnd;
            while (tokenStart > 0 && !isBlank(line.at(tokenStart - 1)))
                --tokenStart;
            if (isBlockScalarHeader(line.sliced(tokenStart, tokenEnd - tokenStart))) {
                // Its lines are those indented deeper than the node that owns it: the key
                // ("run: |", "- run: |"), or the list item ("- |").
                if (tokenStart <= contentColumn)
                    m_blockScalarParent = lastIndicator >= 0 ? lastIndicator : indent - 1;
                else
                    m_blockScalarParent = contentColumn;
            }
        }
        return std::nullopt;
    }

    static QString tooDeep()
    {
        return Text::tr("the workflow nests more than %1 levels deep, which no real workflow does")
            .arg(kMaxWorkflowNesting);
    }

    int m_flowDepth = 0;
    char m_quote = 0;     // '"' or '\'' while inside a quoted scalar, which may span lines
    int m_quoteLine = 0;  // where that quoted scalar starts
    int m_quoteColumn = 0;
    bool m_expectNode = true;
    std::optional<qsizetype> m_blockScalarParent;  // set while inside a block scalar
    QVarLengthArray<qsizetype, 32> m_blockLevels;  // indentation of the open block levels
};

// ---------------------------------------------------------------------------------------------
// Reading the few keys that matter.

QString describeKind(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return Text::tr("a list");
    case YAML::NodeType::Map:
        return Text::tr("a mapping");
    case YAML::NodeType::Scalar:
        return Text::tr("the text %1").arg(quoted(cappedText(node.Scalar())));
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return Text::tr("empty");
}

// Only what YAML 1.2 (and so GitHub) reads as a boolean: a plain or !!bool true/false.
std::optional<bool> booleanValue(const YAML::Node &node)
{
    if (!node.IsScalar())
        return std::nullopt;
    const std::string &tag = node.Tag();
    if (tag != "?" && tag != "tag:yaml.org,2002:bool")
        return std::nullopt;
    const std::string &text = node.Scalar();
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    return std::nullopt;
}

bool isExpression(const std::string &text)
{
    return text.find("${{") != std::string::npos;
}

struct Concurrency
{
    bool present = false;
    QString group;
    bool cancelsInProgress = false;
};

class WorkflowReader
{
public:
    WorkflowContract read(const YAML::Node &root)
    {
        if (root.IsNull() || !root.IsDefined()) {
            fail(-1, -1, Text::tr("the workflow file is empty"));
            return m_contract;
        }
        if (!root.IsMap()) {
            fail(root,
                 Text::tr("a workflow must be a mapping at top level (name, on, jobs), "
                          "not %1")
                     .arg(describeKind(root)));
            return m_contract;
        }

        std::optional<YAML::Node> on;
        std::optional<YAML::Node> runName;
        std::optional<YAML::Node> concurrency;
        std::optional<YAML::Node> jobs;
        const bool complete = forEachEntry(
            root, [&](const std::string &key, const YAML::Node &keyNode, const YAML::Node &value) {
                // YAML 1.1 reads a bare `on` as the boolean true; tools that emit the file
                // again write it as `true`.
                if (key == "on" || key == "true") {
                    if (on) {
                        fail(keyNode,
                             Text::tr("the workflow has both 'on' and 'true' (YAML "
                                      "1.1's reading of 'on'); GitHub refuses the file"));
                        return false;
                    }
                    on = value;
                } else if (key == "run-name") {
                    runName = value;
                } else if (key == "concurrency") {
                    concurrency = value;
                } else if (key == "jobs") {
                    jobs = value;
                }
                return true;
            });
        if (!complete)
            return m_contract;
        if (!on) {
            fail(root, Text::tr("the workflow has no 'on' key, so nothing can start it"));
            return m_contract;
        }
        if (!readTriggers(*on))
            return m_contract;
        if (runName && !readRunName(*runName))
            return m_contract;
        if (concurrency) {
            const std::optional<Concurrency> workflowLevel = readConcurrency(*concurrency);
            if (!workflowLevel)
                return m_contract;
            m_contract.hasConcurrency = workflowLevel->present;
            m_contract.concurrencyGroup = workflowLevel->group;
            m_contract.cancelsInProgress = workflowLevel->cancelsInProgress;
        }
        if (jobs)
            readJobs(*jobs);
        return m_contract;
    }

private:
    // The first failure is the one reported.
    void fail(int line, int column, const QString &message)
    {
        if (m_contract.error.isEmpty())
            m_contract.error = located(line, column, message);
    }

    void fail(const YAML::Node &at, const QString &message)
    {
        const YAML::Mark mark = at.Mark();
        fail(mark.is_null() ? -1 : mark.line, mark.is_null() ? -1 : mark.column, message);
    }

    bool spend(const YAML::Node &at)
    {
        if (++m_visited <= kMaxVisitedEntries)
            return true;
        fail(at,
             Text::tr("the workflow has more than %1 keys and list items to read (anchors and "
                      "aliases can repeat them), which no real workflow has")
                 .arg(formatCount(kMaxVisitedEntries)));
        return false;
    }

    // Visits each entry of `map` in file order, refusing a key written twice (GitHub does) and
    // any non-text key. `visit` returns false to stop; so does this function, on any failure.
    bool forEachEntry(const YAML::Node &map,
                      const std::function<bool(const std::string &, const YAML::Node &,
                                               const YAML::Node &)> &visit)
    {
        QSet<QByteArray> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const YAML::Node keyNode = it->first;
            if (!spend(keyNode))
                return false;
            if (!keyNode.IsScalar()) {
                fail(
                    keyNode,
                    Text::tr("a key of the workflow is %1, not a name").arg(describeKind(keyNode)));
                return false;
            }
            const std::string &key = keyNode.Scalar();
            const QByteArray keyBytes = QByteArray::fromStdString(key);
            if (seen.contains(keyBytes)) {
                fail(keyNode,
                     Text::tr("the key %1 appears twice in the same mapping; GitHub "
                              "refuses the file")
                         .arg(quoted(cappedText(key))));
                return false;
            }
            seen.insert(keyBytes);
            if (!visit(key, keyNode, it->second))
                return false;
        }
        return true;
    }

    bool readTriggers(const YAML::Node &on)
    {
        if (on.IsScalar())
            return readEvent(on.Scalar(), YAML::Node());
        if (on.IsSequence()) {
            for (auto it = on.begin(); it != on.end(); ++it) {
                const YAML::Node event = *it;
                if (!spend(event))
                    return false;
                if (!event.IsScalar()) {
                    fail(event,
                         Text::tr("an event in the list under 'on' is %1, not an event "
                                  "name")
                             .arg(describeKind(event)));
                    return false;
                }
                if (!readEvent(event.Scalar(), YAML::Node()))
                    return false;
            }
            return true;
        }
        if (on.IsMap()) {
            return forEachEntry(
                on, [this](const std::string &event, const YAML::Node &, const YAML::Node &value) {
                    return readEvent(event, value);
                });
        }
        fail(on, Text::tr("'on' is empty, so nothing can start the workflow"));
        return false;
    }

    bool readEvent(const std::string &event, const YAML::Node &settings)
    {
        if (event == "workflow_dispatch") {
            m_contract.hasWorkflowDispatch = true;
            if (settings.IsNull())
                return true;
            if (!settings.IsMap()) {
                fail(settings,
                     Text::tr("workflow_dispatch must be empty or a mapping with "
                              "'inputs', not %1")
                         .arg(describeKind(settings)));
                return false;
            }
            return forEachEntry(
                settings,
                [this](const std::string &key, const YAML::Node &, const YAML::Node &value) {
                    return key != "inputs" || readInputs(value);
                });
        }
        if (event == "repository_dispatch") {
            m_contract.hasRepositoryDispatch = true;
            if (settings.IsNull())
                return true;
            if (!settings.IsMap()) {
                fail(settings,
                     Text::tr("repository_dispatch must be empty or a mapping with "
                              "'types', not %1")
                         .arg(describeKind(settings)));
                return false;
            }
            return forEachEntry(
                settings,
                [this](const std::string &key, const YAML::Node &, const YAML::Node &value) {
                    return key != "types" || readEventTypes(value);
                });
        }
        return true;
    }

    bool readEventType(const YAML::Node &type)
    {
        if (!type.IsScalar()) {
            fail(type,
                 Text::tr("an event type of repository_dispatch is %1, not a name")
                     .arg(describeKind(type)));
            return false;
        }
        if (type.Scalar().size() > size_t(kMaxWorkflowNameChars)) {
            fail(type,
                 Text::tr("an event type of repository_dispatch is longer than %1 "
                          "characters")
                     .arg(kMaxWorkflowNameChars));
            return false;
        }
        const QString name = QString::fromStdString(type.Scalar());
        if (!m_contract.repositoryDispatchTypes.contains(name))
            m_contract.repositoryDispatchTypes.append(name);
        return true;
    }

    bool readEventTypes(const YAML::Node &types)
    {
        if (types.IsNull())
            return true;
        if (types.IsScalar())
            return readEventType(types);
        if (!types.IsSequence()) {
            fail(types,
                 Text::tr("the types of repository_dispatch must be a name or a list of "
                          "names, not %1")
                     .arg(describeKind(types)));
            return false;
        }
        for (auto it = types.begin(); it != types.end(); ++it) {
            const YAML::Node type = *it;
            if (!spend(type) || !readEventType(type))
                return false;
        }
        return true;
    }

    bool readInputs(const YAML::Node &inputs)
    {
        if (inputs.IsNull())
            return true;
        if (!inputs.IsMap()) {
            fail(inputs,
                 Text::tr("the inputs of workflow_dispatch must be a mapping from input "
                          "names to their settings, not %1")
                     .arg(describeKind(inputs)));
            return false;
        }
        return forEachEntry(
            inputs,
            [this](const std::string &name, const YAML::Node &keyNode, const YAML::Node &settings) {
                return readInput(name, keyNode, settings);
            });
    }

    bool readInput(const std::string &name, const YAML::Node &keyNode, const YAML::Node &settings)
    {
        if (m_contract.inputs.size() >= kMaxWorkflowInputs) {
            fail(keyNode,
                 Text::tr("the workflow declares more than %1 inputs; GitHub accepts "
                          "at most %2")
                     .arg(kMaxWorkflowInputs)
                     .arg(kMaxDispatchInputs));
            return false;
        }
        if (name.empty() || name.size() > size_t(kMaxWorkflowNameChars)) {
            fail(keyNode,
                 Text::tr("an input name must have 1 to %1 characters").arg(kMaxWorkflowNameChars));
            return false;
        }
        WorkflowInput input;
        input.name = QString::fromStdString(name);
        input.type = u"string"_s;
        if (!settings.IsNull()) {
            if (!settings.IsMap()) {
                fail(settings,
                     Text::tr("the input %1 must be a mapping (description, required, "
                              "type, default), not %2")
                         .arg(quoted(input.name), describeKind(settings)));
                return false;
            }
            const bool complete = forEachEntry(
                settings, [&](const std::string &key, const YAML::Node &, const YAML::Node &value) {
                    return readInputSetting(input, key, value);
                });
            if (!complete)
                return false;
        }
        m_contract.inputs.append(input);
        return true;
    }

    bool readInputSetting(WorkflowInput &input, const std::string &key, const YAML::Node &value)
    {
        if (key == "required") {
            if (value.IsNull())
                return true;
            const std::optional<bool> required = booleanValue(value);
            if (!required) {
                fail(value,
                     Text::tr("'required' of the input %1 must be true or false, not %2")
                         .arg(quoted(input.name), describeKind(value)));
                return false;
            }
            input.required = *required;
        } else if (key == "type") {
            if (value.IsNull())
                return true;
            if (!value.IsScalar() || value.Scalar().empty() ||
                value.Scalar().size() > size_t(kMaxWorkflowNameChars)) {
                fail(value,
                     Text::tr("the type of the input %1 must be a type name such as "
                              "string, not %2")
                         .arg(quoted(input.name), describeKind(value)));
                return false;
            }
            input.type = QString::fromStdString(value.Scalar());
        } else if (key == "default") {
            input.hasDefault = !value.IsNull();
        }
        return true;
    }

    bool readRunName(const YAML::Node &runName)
    {
        if (runName.IsNull())
            return true;
        if (!runName.IsScalar()) {
            fail(runName, Text::tr("run-name must be a text, not %1").arg(describeKind(runName)));
            return false;
        }
        m_contract.hasRunName = true;
        m_contract.runName = cappedText(runName.Scalar());
        return true;
    }

    // Empty (no value) on failure; `present == false` for an empty concurrency.
    std::optional<Concurrency> readConcurrency(const YAML::Node &node)
    {
        Concurrency concurrency;
        if (node.IsNull())
            return concurrency;
        if (node.IsScalar()) {
            concurrency.present = true;
            concurrency.group = cappedText(node.Scalar());
            return concurrency;
        }
        if (!node.IsMap()) {
            fail(node,
                 Text::tr("concurrency must be a group name or a mapping with 'group' and "
                          "'cancel-in-progress', not %1")
                     .arg(describeKind(node)));
            return std::nullopt;
        }
        concurrency.present = true;
        const bool complete = forEachEntry(
            node, [&](const std::string &key, const YAML::Node &, const YAML::Node &value) {
                if (key == "group") {
                    if (!value.IsScalar()) {
                        fail(value,
                             Text::tr("the concurrency group must be a text, not %1")
                                 .arg(describeKind(value)));
                        return false;
                    }
                    concurrency.group = cappedText(value.Scalar());
                } else if (key == "cancel-in-progress") {
                    if (value.IsNull())
                        return true;
                    if (!value.IsScalar()) {
                        fail(value,
                             Text::tr("cancel-in-progress must be true, false or an "
                                      "expression, not %1")
                                 .arg(describeKind(value)));
                        return false;
                    }
                    // An expression may well be true on the ref a release is sent to.
                    const std::optional<bool> cancels = booleanValue(value);
                    concurrency.cancelsInProgress = cancels
                        ? *cancels
                        : (isExpression(value.Scalar()) || value.Scalar() == "true");
                }
                return true;
            });
        if (!complete)
            return std::nullopt;
        return concurrency;
    }

    bool readJobs(const YAML::Node &jobs)
    {
        if (!jobs.IsMap())
            return true;  // not this check's business; GitHub reports it when the file is pushed
        return forEachEntry(
            jobs, [this](const std::string &jobId, const YAML::Node &, const YAML::Node &job) {
                if (!job.IsMap())
                    return true;
                std::optional<YAML::Node> concurrencyNode;
                const bool complete = forEachEntry(
                    job, [&](const std::string &key, const YAML::Node &, const YAML::Node &value) {
                        if (key == "concurrency")
                            concurrencyNode = value;
                        return true;
                    });
                if (!complete)
                    return false;
                if (!concurrencyNode)
                    return true;
                const std::optional<Concurrency> concurrency = readConcurrency(*concurrencyNode);
                if (!concurrency)
                    return false;
                if (concurrency->cancelsInProgress) {
                    m_contract.cancelsInProgress = true;
                    m_contract.jobsCancellingInProgress.append(cappedText(jobId));
                }
                return true;
            });
    }

    WorkflowContract m_contract;
    int m_visited = 0;
};

WorkflowContract failed(const QString &message)
{
    WorkflowContract contract;
    contract.error = message;
    return contract;
}

WorkflowContract parseChecked(const QByteArray &yamlText)
{
    if (yamlText.size() > kMaxWorkflowFileBytes)
        return failed(Text::tr("the workflow file has %1 bytes; files over %2 bytes are not read")
                          .arg(formatCount(yamlText.size()), formatCount(kMaxWorkflowFileBytes)));
    if (const qsizetype nul = yamlText.indexOf('\0'); nul >= 0) {
        const int line = int(yamlText.first(nul).count('\n'));
        const int column = int(nul - (yamlText.lastIndexOf('\n', nul) + 1));
        return failed(located(
            line, column, Text::tr("the workflow file contains a NUL byte, so it is not text")));
    }
    if (std::optional<QString> issue = StructureScan().run(yamlText))
        return failed(*issue);

    try {
        const YAML::Node root = YAML::Load(yamlText.toStdString());
        return WorkflowReader().read(root);
    } catch (const YAML::Exception &exception) {
        const QString message =
            Text::tr("the file is not valid YAML (%1)").arg(QString::fromStdString(exception.msg));
        if (exception.mark.is_null())
            return failed(message);
        return failed(located(exception.mark.line, exception.mark.column, message));
    }
}

}  // namespace

WorkflowContract parseWorkflow(const QByteArray &yamlText)
{
    // Called from event-loop code: no exception may leave.
    try {
        return parseChecked(yamlText);
    } catch (const std::bad_alloc &) {
        return failed(Text::tr("the workflow file needs more memory to read than is available"));
    } catch (const std::exception &exception) {
        return failed(Text::tr("the workflow file cannot be read (%1)")
                          .arg(QString::fromLocal8Bit(exception.what())));
    } catch (...) {
        return failed(Text::tr("the workflow file cannot be read"));
    }
}

ContractCheck checkContract(const WorkflowContract &contract, ContractDispatch dispatch,
                            const QString &eventType, const QStringList &sentInputs)
{
    ContractCheck check;
    if (!contract.ok()) {
        check.problems.append(
            Text::tr("the workflow file cannot be checked: %1").arg(contract.error));
        return check;
    }

    if (dispatch == ContractDispatch::Workflow) {
        if (!contract.hasWorkflowDispatch) {
            check.problems.append(
                contract.hasRepositoryDispatch
                    ? Text::tr("the workflow has no workflow_dispatch trigger, so GitHub refuses "
                               "to start it; it listens to repository_dispatch, which the profile "
                               "can use instead")
                    : Text::tr("the workflow has no workflow_dispatch trigger, so GitHub refuses "
                               "to start it"));
        } else {
            QStringList declared;
            for (const WorkflowInput &input : contract.inputs)
                declared.append(input.name);
            for (const QString &sent : sentInputs) {
                if (!declared.contains(sent) && !check.missingInputs.contains(sent))
                    check.missingInputs.append(sent);
            }
            if (!check.missingInputs.isEmpty())
                check.problems.append(
                    Text::tr("the workflow does not declare %1, and GitHub refuses a dispatch "
                             "with inputs it does not declare (\"Unexpected inputs\")")
                        .arg(quotedList(check.missingInputs)));

            for (const WorkflowInput &input : contract.inputs) {
                const bool sent = sentInputs.contains(input.name);
                if (!sent) {
                    check.extraInputs.append(input.name);
                    if (input.required)
                        check.problems.append(
                            Text::tr("the workflow requires the input %1, which is not sent")
                                .arg(quoted(input.name)));
                    else if (input.hasDefault)
                        check.warnings.append(Text::tr("the optional input %1 is not sent, so the "
                                                       "workflow uses its default")
                                                  .arg(quoted(input.name)));
                    else
                        check.warnings.append(
                            Text::tr("the optional input %1 is not sent and has no default, so "
                                     "the workflow sees it empty")
                                .arg(quoted(input.name)));
                } else if (input.type != u"string"_s) {
                    check.problems.append(
                        Text::tr("the input %1 has type %2, but every input is sent as free text; "
                                 "declare it with type: string")
                            .arg(quoted(input.name), input.type));
                }
            }
            if (contract.inputs.size() > kMaxDispatchInputs)
                check.problems.append(
                    Text::tr("the workflow declares %1 inputs, and GitHub accepts at most %2")
                        .arg(contract.inputs.size())
                        .arg(kMaxDispatchInputs));
        }
    } else {
        if (eventType.isEmpty())
            check.problems.append(Text::tr("the event type of a repository_dispatch cannot be "
                                           "empty"));
        else if (eventType.size() > kMaxEventTypeChars)
            check.problems.append(Text::tr("the event type has %1 characters; GitHub accepts at "
                                           "most %2")
                                      .arg(eventType.size())
                                      .arg(kMaxEventTypeChars));
        if (!contract.hasRepositoryDispatch) {
            check.problems.append(
                contract.hasWorkflowDispatch
                    ? Text::tr("the workflow has no repository_dispatch trigger, so the event "
                               "starts nothing; it listens to workflow_dispatch, which the "
                               "profile can use instead")
                    : Text::tr("the workflow has no repository_dispatch trigger, so the event "
                               "starts nothing"));
        } else if (!eventType.isEmpty() && !contract.repositoryDispatchTypes.isEmpty() &&
                   !contract.repositoryDispatchTypes.contains(eventType)) {
            check.problems.append(
                Text::tr("the workflow listens to repository_dispatch only for these "
                         "event types: %1; not for %2")
                    .arg(quotedList(contract.repositoryDispatchTypes), quoted(eventType)));
        }
    }

    if (contract.cancelsInProgress) {
        if (contract.jobsCancellingInProgress.isEmpty())
            check.warnings.append(Text::tr("a new dispatch cancels a run in progress on the same "
                                           "ref"));
        else
            check.warnings.append(Text::tr("a new dispatch cancels a run in progress on the same "
                                           "ref (job concurrency: %1)")
                                      .arg(quotedList(contract.jobsCancellingInProgress)));
    }
    if (!contract.hasRunName)
        check.warnings.append(Text::tr("the workflow has no run-name, so its runs do not show "
                                       "which dispatch started them"));
    return check;
}

}  // namespace rc::profiles
