// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

#include <string>
#include <thread>
#include <vector>

namespace rc::desktop {

// Maps shared libraries into the process on a thread of its own, ahead of the main thread's need
// for them: the plugins Qt loads while the window is built (the SQL driver for the ledger, the
// SVG icon engine). Loading one is mostly the dynamic linker's symbol lookups, a few
// milliseconds each; when Qt loads the same file later it finds it mapped and only counts a
// reference. The dynamic linker takes one lock for every load, so the main thread still waits
// whenever it loads a library of its own meanwhile. Files that do not exist are skipped: the
// main thread then loads what it needs itself, as it would without this. The libraries stay
// mapped for the life of the process, as Qt keeps its plugins. Does nothing where there is no
// dlopen().
class LibraryPreload
{
public:
    // Starts loading `files` (absolute paths), in order.
    explicit LibraryPreload(const QStringList &files);
    // Waits for the thread.
    ~LibraryPreload();

    LibraryPreload(const LibraryPreload &) = delete;
    LibraryPreload &operator=(const LibraryPreload &) = delete;

    // Waits until every file has been tried; returns how many loaded.
    int wait();

private:
    std::vector<std::string> m_files;
    int m_loaded = 0;
    std::thread m_thread;
};

}  // namespace rc::desktop
