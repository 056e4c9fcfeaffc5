// SPDX-License-Identifier: BSD-3-Clause
#include "fuzz_check.h"
#include "release/validation.h"

#include <QString>

#include <cstdint>

namespace {

bool onlyCharactersFrom(const QString &text, QLatin1StringView allowed)
{
    for (const QChar character : text) {
        if (!allowed.contains(character))
            return false;
    }
    return true;
}

}  // namespace

// Whatever a check accepts must satisfy the rule it promises.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString value = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    using namespace Qt::StringLiterals;

    if (rc::release::checkVersion(value).isEmpty()) {
        RC_FUZZ_CHECK(!value.isEmpty());
        RC_FUZZ_CHECK(!value.contains(u'-'));
        RC_FUZZ_CHECK(!value.startsWith(u'.') && !value.endsWith(u'.'));
        RC_FUZZ_CHECK(
            onlyCharactersFrom(value.toLower(), "0123456789abcdefghijklmnopqrstuvwxyz._+!*"_L1));
    }
    if (rc::release::checkBuild(value).isEmpty())
        RC_FUZZ_CHECK(!value.isEmpty() && onlyCharactersFrom(value, "0123456789"_L1));
    const auto anacondaName =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"_L1;
    if (rc::release::checkChannel(value).isEmpty())
        RC_FUZZ_CHECK(!value.isEmpty() && onlyCharactersFrom(value, anacondaName));
    if (rc::release::checkLabel(value).isEmpty())
        RC_FUZZ_CHECK(!value.isEmpty() && onlyCharactersFrom(value, anacondaName));
    if (rc::release::checkRecipe(value).isEmpty())
        RC_FUZZ_CHECK(!value.isEmpty() &&
                      onlyCharactersFrom(value, "abcdefghijklmnopqrstuvwxyz0123456789._-"_L1));
    if (rc::release::checkSha256(value).isEmpty())
        RC_FUZZ_CHECK(value.size() == 64 &&
                      onlyCharactersFrom(value.toLower(), "0123456789abcdef"_L1));
    if (rc::release::checkUrl(value).isEmpty())
        RC_FUZZ_CHECK(value.startsWith(u"https://"_s, Qt::CaseInsensitive) ||
                      value.startsWith(u"http://"_s, Qt::CaseInsensitive));
    return 0;
}
