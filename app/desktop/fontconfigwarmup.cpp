// SPDX-License-Identifier: BSD-3-Clause
#include "fontconfigwarmup.h"

#ifdef RC_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

#include <system_error>

namespace rc::desktop {

FontConfigWarmUp::FontConfigWarmUp()
{
#ifdef RC_HAVE_FONTCONFIG
    // FcInit() sets fontconfig's process-wide default configuration atomically: Qt's own call
    // (QFontconfigDatabase) then finds it loaded and returns at once.
    try {
        m_thread = std::thread([this] { m_loaded = FcInit() == FcTrue; });
    } catch (const std::system_error &) {
        // No thread to spare: Qt's font database reads the configuration itself, as before.
    }
#endif
}

FontConfigWarmUp::~FontConfigWarmUp()
{
    wait();
}

bool FontConfigWarmUp::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_loaded;
}

}  // namespace rc::desktop
