// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/redaction.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace rc::secrets {

QString redactTokenShapes(QString text)
{
    static const QRegularExpression tokenShape(
        u"(ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|gl[a-z]{1,4}-)[A-Za-z0-9_\\-]+"_s);
    return text.replace(tokenShape, u"<token>"_s);
}

}  // namespace rc::secrets
