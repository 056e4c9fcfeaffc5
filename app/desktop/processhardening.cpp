// SPDX-License-Identifier: BSD-3-Clause
#include "desktop/processhardening.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace rc::desktop {

bool denyCoreDumpsAndTracing()
{
#if defined(Q_OS_LINUX)
    return ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return false;
#endif
}

bool processIsDumpable()
{
#if defined(Q_OS_LINUX)
    return ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
#else
    return true;
#endif
}

}  // namespace rc::desktop
