// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <string>
#include <thread>
#include <vector>

class QString;
template<typename T>
class QList;

namespace rc::desktop {

// Maps shared libraries into the process on a thread of its own, ahead of the main thread's need
// for them: the plugins Qt loads while the window is built (the SQL driver for the ledger, the
// SVG icon engine). Loading one is mostly the dynamic linker's symbol lookups, a few
// milliseconds each; when Qt loads the same file later it finds it mapped and only counts a
// reference. Files that do not exist are skipped: the main thread then loads what it needs
// itself, as it would without this. Does nothing where there is no dlopen().
class LibraryPreload
{
public:
    // Starts loading `files` (absolute paths), in order.
    explicit LibraryPreload(const QList<QString> &files);
    // Waits for the thread; the libraries stay mapped while anything else holds them.
    ~LibraryPreload();

    LibraryPreload(const LibraryPreload &) = delete;
    LibraryPreload &operator=(const LibraryPreload &) = delete;

    // Waits until every file has been tried; returns how many loaded.
    int wait();

private:
    std::vector<std::string> m_files;
    std::vector<void *> m_handles;
    std::thread m_thread;
};

}  // namespace rc::desktop
