// SPDX-License-Identifier: BSD-3-Clause
#include "fuzz_check.h"
#include "release/commitmessage.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString message =
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const rc::release::CommitMessageParse parsed = rc::release::parseCommitMessage(message);

    const QStringList known = rc::release::knownPackageKeys();
    for (auto it = parsed.values.cbegin(); it != parsed.values.cend(); ++it)
        RC_FUZZ_CHECK(known.contains(it.key()));
    if (!parsed.hasPackageBlock)
        RC_FUZZ_CHECK(parsed.values.isEmpty());

    const rc::release::CommitMessageParse again = rc::release::parseCommitMessage(message);
    RC_FUZZ_CHECK(again.values == parsed.values && again.warnings == parsed.warnings);
    return 0;
}
