// SPDX-License-Identifier: BSD-3-Clause
#include "release/releasespec.h"

using namespace Qt::StringLiterals;

namespace rc::release {

// These are identifiers (CLI option and JSON names), so they are not translated.
QString fieldName(ReleaseField field)
{
    switch (field) {
    case ReleaseField::Recipe:
        return u"recipe"_s;
    case ReleaseField::CommitSha:
        return u"commit"_s;
    case ReleaseField::Url:
        return u"url"_s;
    case ReleaseField::Sha256:
        return u"sha256"_s;
    case ReleaseField::Version:
        return u"version"_s;
    case ReleaseField::Build:
        return u"build"_s;
    case ReleaseField::Channel:
        return u"channel"_s;
    case ReleaseField::Label:
        return u"label"_s;
    case ReleaseField::Patch:
        return u"patch"_s;
    }
    return {};
}

QString installLine(const ReleaseSpec &spec)
{
    return u"conda install "_s + spec.recipe + u'=' + spec.version + u"=*_"_s + spec.build +
        u" -c "_s + spec.channel + u"/label/"_s + spec.label + u" -c conda-forge"_s;
}

}  // namespace rc::release
