// SPDX-License-Identifier: BSD-3-Clause
#include "librarypreload.h"

#include <QFile>
#include <QThread>

#include <system_error>

#ifdef RC_HAVE_DLOPEN
#include <dlfcn.h>
#endif

namespace rc::desktop {

LibraryPreload::LibraryPreload(const QStringList &files)
{
#ifdef RC_HAVE_DLOPEN
    for (const QString &file : files)
        m_files.push_back(QFile::encodeName(file).toStdString());
    if (m_files.empty())
        return;
    // Qt takes the first thread that asks for its thread data as its main thread. A library's
    // constructors run on the thread that loads it: this one is claimed first.
    QThread::currentThread();
    try {
        m_thread = std::thread([this] {
            for (const std::string &file : m_files) {
                // Local, as Qt's plugin loader loads them: a plugin's symbols stay its own
                // (RTLD_GLOBAL could not be taken back), and Qt's later dlopen() of the same file
                // finds this mapping whatever flags it passes.
                if (dlopen(file.c_str(), RTLD_LAZY | RTLD_LOCAL))
                    ++m_loaded;
            }
        });
    } catch (const std::system_error &) {
        // No thread to spare: the main thread loads the plugins when it needs them.
    }
#else
    Q_UNUSED(files);
#endif
}

LibraryPreload::~LibraryPreload()
{
    wait();
}

int LibraryPreload::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_loaded;
}

}  // namespace rc::desktop
