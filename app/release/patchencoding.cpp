// SPDX-License-Identifier: BSD-3-Clause
#include "release/patchencoding.h"

using namespace Qt::StringLiterals;

namespace rc::release {

QString patchEncodingName(PatchEncoding encoding)
{
    switch (encoding) {
    case PatchEncoding::Printf:
        return u"printf"_s;
    case PatchEncoding::Raw:
        return u"raw"_s;
    }
    return {};
}

std::optional<PatchEncoding> patchEncodingFromName(QStringView name)
{
    if (name == u"printf")
        return PatchEncoding::Printf;
    if (name == u"raw")
        return PatchEncoding::Raw;
    return std::nullopt;
}

QString encodePatch(const QString &patch, PatchEncoding encoding)
{
    if (encoding == PatchEncoding::Raw)
        return patch;
    QString encoded;
    encoded.reserve(patch.size() + patch.size() / 16 + 8);
    qsizetype start = 0;
    if (patch.startsWith(u'-')) {
        encoded += u"\\055"_s;
        start = 1;
    }
    for (qsizetype i = start; i < patch.size(); ++i) {
        const QChar c = patch.at(i);
        if (c == u'%')
            encoded += u"%%"_s;
        else if (c == u'\\')
            encoded += u"\\\\"_s;
        else if (c == u'\'')
            encoded += u"'\\''"_s;
        else
            encoded += c;
    }
    return encoded;
}

}  // namespace rc::release
