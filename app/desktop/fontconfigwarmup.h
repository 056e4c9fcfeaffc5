// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <thread>

namespace rc::desktop {

// Loads the system's font configuration on a thread of its own while the application starts.
// On Linux, Qt's font database reads it (fontconfig's XML files and caches) when the window first
// measures text, which was a tenth of the work before the first paint; on a second core it costs
// the main thread nothing. Where Qt does not use fontconfig (macOS, Windows) it does nothing.
class FontConfigWarmUp
{
public:
    // Starts loading.
    FontConfigWarmUp();
    // Waits for it, if wait() was not called.
    ~FontConfigWarmUp();

    FontConfigWarmUp(const FontConfigWarmUp &) = delete;
    FontConfigWarmUp &operator=(const FontConfigWarmUp &) = delete;

    // Waits until the configuration is loaded, so that Qt's first font lookup finds it instead
    // of loading it a second time. Returns whether it loaded (true where there is nothing to do).
    bool wait();

private:
    std::thread m_thread;
    bool m_loaded = true;
};

}  // namespace rc::desktop
