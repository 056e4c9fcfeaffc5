// SPDX-License-Identifier: BSD-3-Clause
#pragma once

namespace rc::desktop {

// Keeps the tokens this process holds out of core dumps and away from other processes of the
// same user (Linux: no core file, no ptrace attach, /proc/<pid>/mem closed). Called first thing
// in main(). Returns whether the system took it; elsewhere it does nothing and returns false.
bool denyCoreDumpsAndTracing();

// Whether the process may currently be dumped or traced (Linux; true elsewhere).
bool processIsDumpable();

}  // namespace rc::desktop
