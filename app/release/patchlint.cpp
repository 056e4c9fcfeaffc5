// SPDX-License-Identifier: BSD-3-Clause
#include "release/patchlint.h"

#include "release/messagetext_p.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace rc::release {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::PatchLint)
};

using Severity = PatchLintNote::Severity;

}  // namespace

QList<PatchLintNote> lintPatch(const QString &patch, PatchEncoding encoding)
{
    QList<PatchLintNote> notes;
    const qsizetype bytes = encodePatch(patch, encoding).toUtf8().size();
    if (bytes > kMaxPatchBytes) {
        const QString message = encoding == PatchEncoding::Raw
            ? Text::tr("the patch is %1 bytes (UTF-8); the workflow input leaves room for at "
                       "most %2")
            : Text::tr("the patch is %1 bytes (UTF-8) once encoded for printf; the workflow "
                       "input leaves room for at most %2");
        notes.append(
            {Severity::Error, 0,
             message.arg(detail::formatCount(bytes), detail::formatCount(kMaxPatchBytes))});
    }
    const QList<QStringView> lines = QStringView(patch).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(QChar(u'\0')))
            notes.append({Severity::Error, int(i + 1),
                          Text::tr("line %1 holds a NUL character, which no workflow input can "
                                   "carry to the runner")
                              .arg(i + 1)});
    }
    return notes;
}

}  // namespace rc::release
