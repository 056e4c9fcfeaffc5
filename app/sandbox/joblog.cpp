// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/joblog.h"

#include "sandbox/anacondaapi.h"

#include <QCryptographicHash>
#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

// The runner colours the commands of a `run:` step in its header.
const QString kCommandStart = u"\x1b[36;1m"_s;
const QString kCommandEnd = u"\x1b[0m"_s;
const QString kExitCode1 = u"##[error]Process completed with exit code 1."_s;
constexpr qsizetype kMaxEchoedScriptLines = 200;
constexpr int kObjectFiles = 248;

struct RunnerFacts
{
    QStringList system;  // the "Operating System" group
    QString image;
    QString imageVersion;
    QString workspace;  // of the recipes repo checkout
    QString condaRoot;
    QString shell;
    QChar separator = u'/';
};

RunnerFacts runnerFacts(const Platform &platform)
{
    if (platform.os.startsWith(u"macos"_s)) {
        return {{u"macOS"_s, u"14.7.2"_s, u"23H311"_s},
                u"macos-14-arm64"_s,
                u"20250120.774"_s,
                u"/Users/runner/work/meta-vlx/meta-vlx"_s,
                u"/Users/runner/miniconda3"_s,
                u"/bin/bash -el {0}"_s,
                u'/'};
    }
    if (platform.os.startsWith(u"windows"_s)) {
        return {{u"Microsoft Windows Server 2022"_s, u"10.0.20348"_s, u"Datacenter"_s},
                u"windows-2022"_s,
                u"20250116.1.0"_s,
                u"D:\\a\\meta-vlx\\meta-vlx"_s,
                u"C:\\Users\\runneradmin\\miniconda3"_s,
                u"C:\\Program Files\\Git\\bin\\bash.EXE -el {0}"_s,
                u'\\'};
    }
    return {{u"Ubuntu"_s, u"24.04.1"_s, u"LTS"_s},
            u"ubuntu-24.04"_s,
            u"20250105.1.0"_s,
            u"/home/runner/work/meta-vlx/meta-vlx"_s,
            u"/home/runner/miniconda3"_s,
            u"/usr/bin/bash -el {0}"_s,
            u'/'};
}

QString joined(const RunnerFacts &facts, const QStringList &parts)
{
    return parts.join(facts.separator);
}

QString input(const Run *run, const QString &name)
{
    return run ? run->inputs.value(name).toString() : QString();
}

// One step's text before timestamps: `lines` are spread over the step's time, `closing`
// (errors) comes at its end, once it has completed.
struct StepText
{
    QStringList lines;
    QStringList closing;
    QHash<QString, QString> titles;  // an ##[error] message → the title of its workflow command

    void group(const QString &title, const QStringList &body)
    {
        lines << u"##[group]"_s + title;
        lines << body;
        lines << u"##[endgroup]"_s;
    }
    // The header of a `run:` step: its commands, shell and environment.
    void run(const QStringList &script, const QString &shell, const QStringList &env = {})
    {
        lines << u"##[group]Run "_s + script.value(0);
        for (const QString &line : script.first(std::min(script.size(), kMaxEchoedScriptLines)))
            lines << kCommandStart + line + kCommandEnd;
        lines << u"shell: "_s + shell;
        if (!env.isEmpty()) {
            lines << u"env:"_s;
            for (const QString &variable : env)
                lines << u"  "_s + variable;
        }
        lines << u"##[endgroup]"_s;
    }
    // The header of a `uses:` step.
    void uses(const QString &action, const QStringList &with)
    {
        lines << u"##[group]Run "_s + action;
        if (!with.isEmpty()) {
            lines << u"with:"_s;
            for (const QString &parameter : with)
                lines << u"  "_s + parameter;
        }
        lines << u"##[endgroup]"_s;
    }
};

QStringList setUpJobLines(const Job &job, const RunnerFacts &facts)
{
    StepText text;
    text.lines << u"Current runner version: '2.321.0'"_s;
    text.group(u"Operating System"_s, facts.system);
    text.group(u"Runner Image"_s,
               {u"Image: "_s + facts.image, u"Version: "_s + facts.imageVersion,
                u"Included Software: https://github.com/actions/runner-images/blob/"_s +
                    facts.image + u'/' + facts.imageVersion + u"/README.md"_s});
    text.group(u"GITHUB_TOKEN Permissions"_s,
               {u"Actions: read"_s, u"Contents: read"_s, u"Metadata: read"_s});
    text.lines << u"Secret source: Actions"_s << u"Prepare workflow directory"_s
               << u"Prepare all required actions"_s << u"Getting action download info"_s
               << u"Download action repository 'actions/checkout@v4' "
                  "(SHA:11bd71901bbe5b1630ceea73d27597364c9af683)"_s;
    if (job.kind == Job::Kind::Build) {
        text.lines << u"Download action repository 'conda-incubator/setup-miniconda@v3' "
                      "(SHA:505e6394dae86d6a5c7fbb6e3fb8938e3e863830)"_s
                   << u"Download action repository 'actions/upload-artifact@v4' "
                      "(SHA:65c4c4a1ddee5b72f698fdd19549f0f0fb45cf08)"_s;
    }
    text.lines << u"Complete job name: "_s + job.name;
    return text.lines;
}

QStringList checkoutLines(const RunnerFacts &facts)
{
    StepText text;
    text.uses(u"actions/checkout@v4"_s,
              {u"repository: VeloxChem/meta-vlx"_s, u"token: ***"_s, u"ssh-strict: true"_s,
               u"persist-credentials: true"_s, u"clean: true"_s, u"fetch-depth: 1"_s,
               u"lfs: false"_s, u"submodules: false"_s});
    text.lines << u"Syncing repository: VeloxChem/meta-vlx"_s;
    text.group(u"Getting Git version info"_s,
               {u"Working directory is '"_s + facts.workspace + u"'"_s,
                u"[command]/usr/bin/git version"_s, u"git version 2.47.1"_s});
    text.lines << u"Temporarily overriding HOME='/home/runner/work/_temp/7c3e' before making "
                  "global git config changes"_s
               << u"Deleting the contents of '"_s + facts.workspace + u"'"_s;
    text.group(
        u"Fetching the repository"_s,
        {u"[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune "
         "--no-recurse-submodules --depth=1 origin +refs/heads/main*:refs/remotes/origin/main*"_s,
         u" * [new branch]      main       -> origin/main"_s});
    text.lines << u"[command]/usr/bin/git log -1 --format=%H"_s;
    return text.lines;
}

QStringList miniforgeLines(const Platform &platform, const RunnerFacts &facts)
{
    StepText text;
    text.uses(u"conda-incubator/setup-miniconda@v3"_s,
              {u"miniforge-version: latest"_s, u"python-version: "_s + platform.python,
               u"activate-environment: build"_s, u"auto-update-conda: false"_s});
    text.group(u"Gathering Inputs..."_s,
               {u"{"_s, u"  \"activateEnvironment\": \"build\","_s,
                u"  \"pythonVersion\": \""_s + platform.python + u"\","_s,
                u"  \"miniforgeVersion\": \"latest\""_s, u"}"_s});
    text.group(u"Ensuring installer..."_s,
               {u"Downloading Miniforge3-Latest-"_s + platform.condaSubdir() + u" ..."_s,
                u"Installing Miniforge3 into "_s + facts.condaRoot});
    text.group(u"Creating conda environment 'build'..."_s,
               {u"[command]"_s + joined(facts, {facts.condaRoot, u"condabin"_s, u"conda"_s}) +
                    u" create --name build python="_s + platform.python,
                u"Channels:"_s, u" - conda-forge"_s, u"Platform: "_s + platform.condaSubdir(),
                u"Collecting package metadata (repodata.json): done"_s,
                u"Solving environment: done"_s, u"Preparing transaction: done"_s,
                u"Verifying transaction: done"_s, u"Executing transaction: done"_s});
    text.lines << u"Environment 'build' is active."_s;
    return text.lines;
}

QString compilerPath(const Platform &platform)
{
    if (platform.os.startsWith(u"windows"_s))
        return u"cl.exe"_s;
    if (platform.os.startsWith(u"macos"_s))
        return u"$BUILD_PREFIX/bin/arm64-apple-darwin20.0.0-clang++"_s;
    return u"$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-c++"_s;
}

// The first error the compiler prints, in its own words, with its context.
QStringList compilerError(const Platform &platform, const QString &source)
{
    if (platform.os.startsWith(u"windows"_s)) {
        return {source + u"(42): error C2039: 'string_view': is not a member of 'std'"_s,
                u"C:\\Program Files\\Microsoft Visual Studio\\2022\\Enterprise\\VC\\Tools\\"
                "MSVC\\14.42.34433\\include\\string(22): note: see declaration of 'std'"_s,
                source + u"(42): error C2061: syntax error: identifier 'string_view'"_s};
    }
    if (platform.os.startsWith(u"macos"_s)) {
        return {source + u":42:10: error: no member named 'string_view' in namespace 'std'"_s,
                u"   42 |     std::string_view trimmed(std::string_view text);"_s,
                u"      |     ~~~~~^"_s, u"1 error generated."_s};
    }
    return {source + u":42:10: error: 'string_view' in namespace 'std' does not name a type"_s,
            u"   42 |     std::string_view trimmed(std::string_view text);"_s,
            u"      |          ^~~~~~~~~~~"_s,
            source +
                u":27:1: note: 'std::string_view' is defined in header '<string_view>'; "
                "this is probably fixable by adding '#include <string_view>'"_s};
}

QString objectSource(int index)
{
    static const QStringList directories = {
        u"general"_s, u"math"_s,     u"moldata"_s, u"orbdata"_s, u"onee"_s, u"twoints"_s,
        u"dft"_s,     u"response"_s, u"solvers"_s, u"xtb"_s,     u"pdft"_s, u"visualization"_s};
    static const QStringList stems = {
        u"Driver"_s,  u"Matrix"_s, u"Grid"_s,    u"Func"_s,  u"Recursion"_s, u"Screening"_s,
        u"Buffer"_s,  u"Block"_s,  u"Prim"_s,    u"Utils"_s, u"Parser"_s,    u"Kernel"_s,
        u"Sparse"_s,  u"Dense"_s,  u"Boys"_s,    u"Basis"_s, u"Ao"_s,        u"Gto"_s,
        u"Density"_s, u"Fock"_s,   u"Overlap"_s, u"Dipole"_s};
    const QString directory = directories.at(index % directories.size());
    QString stem = directory.left(1).toUpper() + directory.mid(1) +
        stems.at((index / directories.size()) % stems.size());
    return directory + u'/' + stem + u".cpp"_s;
}

StepText condaBuildText(const Job &job, const Run *run, const RunnerFacts &facts)
{
    const Platform platform = job.platform.value_or(Platform {});
    const QString recipe = input(run, u"recipe"_s);
    const QString version = input(run, u"version"_s);
    const int buildNumber = input(run, u"build"_s).toInt();
    const QString channel = input(run, u"channel"_s);
    const QString label = input(run, u"label"_s);
    const QString package = recipe + u'-' + version + u'-' +
        condaBuildString(platform.python, platform.key(), buildNumber) + u".conda"_s;
    const QString bld = joined(facts, {facts.condaRoot, u"envs"_s, u"build"_s, u"conda-bld"_s});
    const QString work = joined(facts, {bld, recipe + u"_1733140800000"_s, u"work"_s});
    const QString packagePath = joined(facts, {bld, platform.condaSubdir(), package});
    const bool windows = platform.os.startsWith(u"windows"_s);

    StepText text;
    text.run({u"conda install --yes conda-build anaconda-client"_s,
              u"conda config --set anaconda_upload yes"_s,
              u"conda build \"recipes/"_s + recipe + u"\" --python "_s + platform.python + u" \\"_s,
              u"  --user "_s + channel + u" --label "_s + label + u" 2>&1 | tee conda-build.log"_s,
              u"status=${PIPESTATUS[0]}"_s, u"if [ \"$status\" -ne 0 ]; then"_s,
              u"  echo \"::error title=conda-build failed::$(grep -m1 -E 'error:|ERROR' "
              "conda-build.log)\""_s,
              u"fi"_s, u"exit \"$status\""_s},
             facts.shell, {u"ANACONDA_API_TOKEN: ***"_s});
    QStringList &out = text.lines;
    out << u"Channels:"_s << u" - conda-forge"_s << u"Platform: "_s + platform.condaSubdir()
        << u"Collecting package metadata (repodata.json): done"_s << u"Solving environment: done"_s
        << u""_s << u"## Package Plan ##"_s << u""_s
        << u"  environment location: "_s + joined(facts, {facts.condaRoot, u"envs"_s, u"build"_s})
        << u""_s << u"  added / updated specs:"_s << u"    - anaconda-client"_s
        << u"    - conda-build"_s << u""_s << u"The following NEW packages will be INSTALLED:"_s
        << u""_s;
    const QStringList tools = {
        u"anaconda-client    conda-forge/noarch::anaconda-client-1.13.0-pyh29332c3_0"_s,
        u"beautifulsoup4     conda-forge/noarch::beautifulsoup4-4.12.3-pyha770c72_1"_s,
        u"conda-build        conda-forge/"_s + platform.condaSubdir() +
            u"::conda-build-25.1.1-py312h7900ff3_0"_s,
        u"conda-index        conda-forge/noarch::conda-index-0.5.0-pyhd8ed1ab_0"_s,
        u"evalidate          conda-forge/noarch::evalidate-2.0.3-pyhff2d567_1"_s,
        u"filelock           conda-forge/noarch::filelock-3.16.1-pyhd8ed1ab_1"_s,
        u"jinja2             conda-forge/noarch::jinja2-3.1.5-pyhd8ed1ab_0"_s,
        u"liblief            conda-forge/"_s + platform.condaSubdir() +
            u"::liblief-0.14.1-h5888daf_2"_s,
        u"patchelf           conda-forge/"_s + platform.condaSubdir() +
            u"::patchelf-0.17.2-h58526e2_0"_s,
        u"pkginfo            conda-forge/noarch::pkginfo-1.12.0-pyhd8ed1ab_1"_s,
        u"python-libarchive-c conda-forge/noarch::python-libarchive-c-5.1-py312h7900ff3_1"_s,
        u"requests-toolbelt  conda-forge/noarch::requests-toolbelt-1.0.0-pyhd8ed1ab_1"_s,
        u"ripgrep            conda-forge/"_s + platform.condaSubdir() +
            u"::ripgrep-14.1.1-h8fae777_0"_s,
    };
    for (const QString &tool : tools)
        out << u"  "_s + tool;
    out << u""_s << u"Preparing transaction: done"_s << u"Verifying transaction: done"_s
        << u"Executing transaction: done"_s << u"Adding in variants from internal_defaults"_s
        << u"Attempting to finalize metadata for "_s + recipe
        << u"BUILD START: ['"_s + package + u"']"_s << u"Reloading output folder: "_s + bld
        << u"Source cache directory is: "_s + joined(facts, {bld, u"src_cache"_s})
        << u"Copying "_s + joined(facts, {facts.workspace, recipe}) + u" to "_s + work << u""_s
        << u"## Package Plan ##"_s << u""_s
        << u"  environment location: "_s +
            joined(facts, {bld, recipe + u"_1733140800000"_s, u"_h_env_placehold_placehold"_s})
        << u""_s << u"The following NEW packages will be INSTALLED:"_s << u""_s;
    const QStringList hostPackages = {
        u"eigen-3.4.0"_s,          u"libblas-3.9.0"_s,
        u"libcblas-3.9.0"_s,       u"liblapack-3.9.0"_s,
        u"libopenblas-0.3.28"_s,   u"libxc-6.2.2"_s,
        u"mpi4py-4.0.1"_s,         u"numpy-2.2.1"_s,
        u"pybind11-2.13.6"_s,      u"python-"_s + platform.python + u".8"_s,
        u"scikit-build-0.18.1"_s,  u"setuptools-75.8.0"_s,
        platform.mpi + u"-4.2.3"_s};
    for (const QString &host : hostPackages)
        out << u"    "_s + host.section(u'-', 0, -2) + u": "_s + host.section(u'-', -1) + u"-h"_s +
                QString::fromLatin1(
                    QCryptographicHash::hash(host.toUtf8(), QCryptographicHash::Sha1)
                        .toHex()
                        .left(7));
    out << u""_s << u"Preparing transaction: ...working... done"_s
        << u"Verifying transaction: ...working... done"_s
        << u"Executing transaction: ...working... done"_s << u"source tree in: "_s + work
        << u"export PREFIX="_s + joined(facts, {bld, recipe + u"_1733140800000"_s, u"_h_env"_s})
        << u"export BUILD_PREFIX="_s +
            joined(facts, {bld, recipe + u"_1733140800000"_s, u"_build_env"_s})
        << u"export SRC_DIR="_s + work;
    const QString compilerId = windows       ? u"MSVC 19.42.34435.0"_s
        : platform.os.startsWith(u"macos"_s) ? u"Clang 18.1.8"_s
                                             : u"GNU 13.3.0"_s;
    out << u"-- The CXX compiler identification is "_s + compilerId
        << u"-- Detecting CXX compiler ABI info"_s << u"-- Detecting CXX compiler ABI info - done"_s
        << u"-- Check for working CXX compiler: "_s + compilerPath(platform) + u" - skipped"_s
        << u"-- Detecting CXX compile features"_s << u"-- Detecting CXX compile features - done"_s
        << u"-- Found Python: "_s + joined(facts, {u"$PREFIX"_s, u"bin"_s, u"python"_s}) +
            u" (found version \""_s + platform.python +
            u".8\") found components: Interpreter "
            "Development.Module"_s
        << u"-- Found OpenMP_CXX: -fopenmp (found version \"4.5\")"_s
        << u"-- Found MPI_CXX: "_s + platform.mpi + u" (found version \"3.1\")"_s
        << u"-- Found pybind11: $PREFIX/include (found version \"2.13.6\")"_s
        << u"-- Configuring done (4.2s)"_s << u"-- Generating done (0.1s)"_s
        << u"-- Build files have been written to: "_s + joined(facts, {work, u"build"_s});

    const bool compileFails = job.buildFailure == BuildFailure::CompileError;
    const int compiled = compileFails ? kObjectFiles / 2 : kObjectFiles;
    for (int index = 1; index <= compiled; ++index) {
        const QString source = objectSource(index);
        out << u'[' + QString::number(index) + u'/' + QString::number(kObjectFiles + 2) +
                u"] Building CXX object src/CMakeFiles/vlxobjs.dir/"_s + source + u".o"_s;
    }
    if (compileFails) {
        const QString source = u"general/StringFormat.cpp"_s;
        const QString sourcePath =
            joined(facts, {work, u"src"_s, u"general"_s, u"StringFormat.cpp"_s});
        out << u"FAILED: src/CMakeFiles/vlxobjs.dir/"_s + source + u".o "_s
            << compilerPath(platform) +
                u" -DVLX_HAS_MPI -I$SRC_DIR/src/general -isystem $PREFIX/include -O3 -DNDEBUG "
                "-std=c++17 -fopenmp -c "_s +
                sourcePath;
        out << compilerError(platform, sourcePath);
        out << u"ninja: build stopped: subcommand failed."_s
            << u"Traceback (most recent call last):"_s
            << u"  File \""_s +
                joined(facts,
                       {facts.condaRoot, u"envs"_s, u"build"_s, u"bin"_s, u"conda-build"_s}) +
                u"\", line 10, in <module>"_s
            << u"    sys.exit(execute())"_s
            << u"  File \".../site-packages/conda_build/build.py\", line 2528, in build"_s
            << u"    utils.check_call_env(cmd, env=env, rewrite_stdout_env=rewrite_env, "
               u"cwd=src_dir, "
               "stats=build_stats)"_s
            << u"subprocess.CalledProcessError: Command '['/bin/bash', '-o', 'errexit', '"_s +
                joined(facts, {work, u"conda_build.sh"_s}) +
                u"']' returned non-zero exit status 1."_s
            << u""_s << u"During handling of the above exception, another exception occurred:"_s
            << u""_s
            << u"conda_build.exceptions.BuildScriptException: Command failed: /bin/bash -o "
               "errexit "_s +
                joined(facts, {work, u"conda_build.sh"_s});
        text.closing << u"##[error]"_s + compilerError(platform, sourcePath).first() << kExitCode1;
        text.titles.insert(compilerError(platform, sourcePath).first(), u"conda-build failed"_s);
        return text;
    }
    out << u'[' + QString::number(kObjectFiles + 1) + u'/' + QString::number(kObjectFiles + 2) +
            u"] Linking CXX shared module src/pymodule/veloxchemlib.so"_s
        << u'[' + QString::number(kObjectFiles + 2) + u'/' + QString::number(kObjectFiles + 2) +
            u"] Install the project..."_s
        << u"-- Install configuration: \"Release\""_s << u"Packaging "_s + recipe
        << u"number of files: 412"_s << u"Fixing permissions"_s << u"Packaged license file/s."_s
        << u"TEST START: "_s + packagePath << u"Preparing transaction: ...working... done"_s
        << u"+ python -c 'import veloxchem'"_s
        << u"+ python -m pytest --pyargs veloxchem -m 'not timeconsuming' -q"_s;
    static const QStringList testModules = {
        u"test_basis"_s,   u"test_dft"_s,      u"test_rpa"_s,      u"test_scf"_s,
        u"test_mp2"_s,     u"test_xtb"_s,      u"test_cpcm"_s,     u"test_gradient"_s,
        u"test_hessian"_s, u"test_tdhf"_s,     u"test_esa"_s,      u"test_c6"_s,
        u"test_loprop"_s,  u"test_orbitals"_s, u"test_molecule"_s, u"test_checkpoint"_s};
    for (qsizetype index = 0; index < testModules.size(); ++index) {
        out << u"veloxchem/tests/"_s + testModules.at(index) + u".py "_s +
                QString(int(4 + index % 7), u'.') + u"  ["_s +
                QString::number((index + 1) * 100 / testModules.size()).rightJustified(3) + u"%]"_s;
    }
    out << u"=============== 412 passed, 6 skipped in 183.21s (0:03:03) ==============="_s
        << u"TEST END: "_s + packagePath << u"Using Anaconda API: https://api.anaconda.org"_s
        << u"Using \""_s + channel + u"\" as upload username"_s
        << u"Processing \""_s + packagePath + u"\""_s << u"Detecting file type..."_s
        << u"File type is \"Conda\""_s << u"Extracting conda attributes for upload"_s
        << u"Creating package \""_s + recipe + u"\""_s
        << u"Creating release \""_s + version + u"\""_s;
    const QString uploadName =
        channel + u'/' + recipe + u'/' + version + u'/' + platform.condaSubdir() + u'/' + package;
    out << u"Uploading file \""_s + uploadName + u"\""_s;
    if (job.buildFailure == BuildFailure::UploadRefused) {
        const QString refusal =
            u"[ERROR] Distribution already exists. Please use the -i/--interactive or --force "
            "or --skip options or `anaconda remove "_s +
            uploadName + u'`';
        out << refusal << u"Traceback (most recent call last):"_s
            << u"  File \".../site-packages/binstar_client/scripts/cli.py\", line 74, in "
               "_custom_excepthook"_s
            << u"binstar_client.errors.Conflict: ('file "_s + platform.condaSubdir() + u'/' +
                package + u" already exists or being uploaded for package "_s + recipe +
                u" version "_s + version + u". (status code: 409)', 409)"_s;
        text.closing << u"##[error]"_s + refusal << kExitCode1;
        text.titles.insert(refusal, u"conda-build failed"_s);
        return text;
    }
    out << u"Upload complete"_s << u""_s
        << u"conda packages uploaded to https://anaconda.org/"_s + channel + u'/' + recipe
        << u"####################################################################################"_s
        << u"Resource usage summary:"_s << u""_s << u"Total time: 0:07:01.3"_s
        << u"CPU usage: sys=0:00:41.2, user=0:21:17.9"_s << u"Maximum memory usage observed: 2.1G"_s
        << u"Total disk usage observed (not including envs): 512.4M"_s;
    return text;
}

StepText stepText(const Job &job, const Run *run, const StepView &step, bool rawPatchWrite)
{
    const Platform platform = job.platform.value_or(Platform {u"ubuntu-latest"_s, {}, {}});
    const RunnerFacts facts = runnerFacts(platform);
    StepText text;
    const QString &name = step.name;
    if (name == u"Set up job"_s) {
        text.lines = setUpJobLines(job, facts);
    } else if (name == u"Run actions/checkout@v4"_s) {
        text.lines = checkoutLines(facts);
    } else if (name.startsWith(u"Post Run actions/checkout@v4"_s)) {
        text.lines << u"Post job cleanup."_s << u"[command]/usr/bin/git version"_s
                   << u"git version 2.47.1"_s
                   << u"[command]/usr/bin/git config --local --name-only --get-regexp "
                      "http\\.https\\:\\/\\/github\\.com\\/\\.extraheader"_s
                   << u"http.https://github.com/.extraheader"_s;
    } else if (name == u"Complete job"_s) {
        text.lines << u"Cleaning up orphan processes"_s;
    } else if (name == u"Validate inputs"_s) {
        text.run({u"test -d \"recipes/"_s + input(run, u"recipe"_s) + u"\""_s,
                  u"[[ \""_s + input(run, u"build"_s) + u"\" =~ ^[0-9]+$ ]]"_s},
                 facts.shell);
    } else if (name == u"Download tarball"_s) {
        text.run({u"curl --fail --location --header \"PRIVATE-TOKEN: ***\" \\"_s,
                  u"  --output tarball.tar.bz2 '"_s + input(run, u"url"_s) + u"'"_s},
                 facts.shell);
        text.lines << u"  % Total    % Received % Xferd  Average Speed   Time    Time     Time  "
                      "Current"_s
                   << u"                                 Dload  Upload   Total   Spent    Left  "
                      "Speed"_s
                   << u"100 2113k  100 2113k    0     0  8412k      0 --:--:-- --:--:-- "
                      "--:--:-- 8420k"_s;
    } else if (name == u"Verify checksum"_s) {
        text.run({u"echo \""_s + input(run, u"sha256"_s) +
                  u"  tarball.tar.bz2\" | sha256sum --strict --check"_s},
                 facts.shell);
        if (step.conclusion == u"failure"_s) {
            text.lines << u"tarball.tar.bz2: FAILED"_s
                       << u"sha256sum: WARNING: 1 computed checksum did NOT match"_s;
            text.closing << kExitCode1;
        } else {
            text.lines << u"tarball.tar.bz2: OK"_s;
        }
    } else if (name == u"Unpack tarball"_s) {
        text.run({u"tar -xjf tarball.tar.bz2"_s}, facts.shell);
    } else if (name == u"Write patch"_s) {
        const QStringList patch = input(run, u"patch"_s).split(u'\n');
        if (rawPatchWrite) {
            QStringList env {u"PATCH: "_s + patch.value(0)};
            for (const QString &line : patch.mid(1, kMaxEchoedScriptLines))
                env << u"  "_s + line;
            text.run({u"printf '%s' \"$PATCH\" > patch.diff"_s}, facts.shell, env);
        } else {
            QStringList script = patch;
            script.first().prepend(u"printf '"_s);
            script.last().append(u"' > patch.diff"_s);
            text.run(script, facts.shell);
        }
    } else if (name == u"Apply patch"_s) {
        text.run({u"git apply --verbose patch.diff"_s}, facts.shell);
    } else if (name == u"Set up Miniforge"_s) {
        text.lines = miniforgeLines(platform, facts);
    } else if (name == u"Configure recipe"_s) {
        const QString recipe = input(run, u"recipe"_s);
        text.run({u"sed -e \"s/@VERSION@/"_s + input(run, u"version"_s) + u"/\" -e \"s/@BUILD@/"_s +
                      input(run, u"build"_s) + u"/\" \\"_s,
                  u"  -e \"s/@MPI@/"_s + platform.mpi + u"/\" \"recipes/"_s + recipe +
                      u"/meta.yaml.in\" \\"_s,
                  u"  > \"recipes/"_s + recipe + u"/meta.yaml\""_s},
                 facts.shell);
    } else if (name == u"Build and upload with conda-build"_s) {
        text = condaBuildText(job, run, facts);
    } else if (name == u"Write build summary"_s) {
        const bool built = job.outcome == BuildOutcome::Success;
        text.run({u"python .github/scripts/summary.py --outcome '"_s +
                      (built ? u"success"_s : u"failure"_s) + u"' \\"_s,
                  u"  --os "_s + platform.os + u" --python "_s + platform.python + u" --mpi "_s +
                      platform.mpi + u" \\"_s,
                  u"  > summary.json"_s},
                 facts.shell);
    } else if (name == u"Upload build summary"_s) {
        const QString artifact = u"build_summary-"_s + platform.key();
        text.uses(u"actions/upload-artifact@v4"_s,
                  {u"name: "_s + artifact, u"path: summary.json"_s, u"retention-days: 1"_s,
                   u"if-no-files-found: warn"_s, u"compression-level: 6"_s, u"overwrite: false"_s});
        text.lines << u"With the provided path, there will be 1 file uploaded"_s
                   << u"Artifact name is valid!"_s << u"Root directory input is valid!"_s
                   << u"Beginning upload of artifact content to blob storage"_s
                   << u"Uploaded bytes 412"_s
                   << u"Finished uploading artifact content to blob storage!"_s
                   << u"Finalizing artifact upload"_s
                   << u"Artifact "_s + artifact + u".zip successfully finalized."_s;
    } else if (name == u"Download build summaries"_s) {
        text.uses(u"actions/download-artifact@v4"_s,
                  {u"pattern: build_summary-*"_s, u"merge-multiple: false"_s});
        text.lines << u"Downloading multiple artifacts"_s << u"Total of 6 artifact(s) downloaded"_s
                   << u"Download artifact has finished successfully"_s;
    } else if (name == u"Summarize builds"_s) {
        text.run({u"cat build_summary-*/summary.json"_s}, facts.shell);
    } else {
        text.run({name}, facts.shell);
    }
    // What the step really said (bash's and git's words), from the run engine.
    for (const QString &line : job.stepLogs.value(name)) {
        if (line.startsWith(u"##["_s))
            text.closing << line;
        else
            text.lines << line;
    }
    if (step.conclusion == u"failure"_s && text.closing.isEmpty())
        text.closing << kExitCode1;
    if (step.conclusion == u"cancelled"_s)
        text.closing = QStringList {u"##[error]The operation was canceled."_s};
    return text;
}

QString stamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz0000Z"_s);
}

std::optional<CheckAnnotation> annotationOf(const QString &line, const StepText &text)
{
    static const std::pair<QString, QString> levels[] = {{u"##[error]"_s, u"failure"_s},
                                                         {u"##[warning]"_s, u"warning"_s},
                                                         {u"##[notice]"_s, u"notice"_s}};
    for (const auto &[prefix, level] : levels) {
        if (!line.startsWith(prefix))
            continue;
        CheckAnnotation annotation;
        annotation.level = level;
        annotation.message = line.mid(prefix.size());
        annotation.title = text.titles.value(annotation.message);
        return annotation;
    }
    return std::nullopt;
}

}  // namespace

JobTranscript jobTranscript(const Job &job, const Run *run, const JobView &view,
                            const QDateTime &now, bool rawPatchWrite)
{
    JobTranscript transcript;
    for (const StepView &step : view.steps) {
        // The runner writes nothing for a step it skipped or has not reached.
        if (!step.startedAt.isValid() || step.conclusion == u"skipped"_s)
            continue;
        const StepText text = stepText(job, run, step, rawPatchWrite);
        const bool completed = step.completedAt.isValid();
        const qint64 plannedSeconds = step.number >= 1 && step.number <= job.steps.size()
            ? job.steps.at(step.number - 1).seconds
            : 0;
        const QDateTime end = completed ? step.completedAt : step.startedAt.addSecs(plannedSeconds);
        const qint64 span = std::max<qint64>(0, step.startedAt.msecsTo(end));
        const qsizetype count = text.lines.size();
        for (qsizetype index = 0; index < count; ++index) {
            const QDateTime at =
                step.startedAt.addMSecs(span * index / std::max<qsizetype>(1, count));
            if (!completed && at > now)
                break;
            transcript.log += stamp(at) + u' ' + text.lines.at(index) + u'\n';
        }
        if (!completed)
            continue;
        for (const QString &line : text.closing) {
            transcript.log += stamp(end) + u' ' + line + u'\n';
            if (std::optional<CheckAnnotation> annotation = annotationOf(line, text))
                transcript.annotations.append(*annotation);
        }
    }
    return transcript;
}

}  // namespace rc::sandbox
