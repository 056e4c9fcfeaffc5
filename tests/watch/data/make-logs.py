#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the job logs tst_logdiagnosis reads: GitHub Actions logs of the recipes repo's
conda-build job (deploy-cxx.yml, SPEC §2), shaped line by line after real runs (runner
preamble, checkout, tarball download and check, setup-miniconda, conda's solver output,
conda-build's environments, CMake and ninja, pytest, the anaconda.org upload, post-job steps).
Deterministic: the same files every time. Run it from this folder."""
import datetime
import random

SHA = "11bd71901bbe5b1630ceea73d27597364c9af683"
BLD = "/usr/share/miniconda/conda-bld/veloxchem_1764057662345"
PLACEHOLD = BLD + "/_h_env_placehold_" + "placehold_" * 20 + "pl"
WORK = BLD + "/work"
PKG = "veloxchem-1.0-py312h5e1b0a1_1.conda"
CYAN = "\x1b[36;1m"
RESET = "\x1b[0m"


class Log:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.time = datetime.datetime(2026, 11, 25, 8, 1, 2, 123456)
        self.lines = []

    def __call__(self, text="", pause=0.02):
        self.time += datetime.timedelta(seconds=self.random.uniform(0, pause))
        stamp = self.time.strftime("%Y-%m-%dT%H:%M:%S.") + "%07dZ" % (self.time.microsecond * 10 + self.random.randint(0, 9))
        self.lines.append(stamp + " " + text)

    def many(self, texts, pause=0.02):
        for text in texts:
            self(text, pause)

    def group(self, title, body=()):
        self("##[group]" + title)
        self.many(body)
        self("##[endgroup]")

    def run_step(self, script, env=None, shell="/usr/bin/bash -l {0}"):
        lines = script.strip("\n").split("\n")
        self("##[group]Run " + lines[0])
        for line in lines:
            self(CYAN + line + RESET)
        self("shell: " + shell)
        if env:
            self("env:")
            for key, value in env.items():
                self("  %s: %s" % (key, value))
        self("##[endgroup]")

    def write(self, path):
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write("\ufeff" + "\n".join(self.lines) + "\n")


def preamble(log, job):
    log("Current runner version: '2.321.0'")
    log.group("Operating System", ["Ubuntu", "24.04.1", "LTS"])
    log.group("Runner Image", ["Image: ubuntu-24.04", "Version: 20261117.1.0",
                               "Included Software: https://github.com/actions/runner-images/blob/ubuntu24/20261117.1/images/ubuntu/Ubuntu2404-Readme.md",
                               "Image Release: https://github.com/actions/runner-images/releases/tag/ubuntu24%2F20261117.1"])
    log.group("Runner Image Provisioner", ["2.0.384.1"])
    log.group("GITHUB_TOKEN Permissions", ["Actions: write", "Attestations: write", "Checks: write", "Contents: write",
                                            "Deployments: write", "Discussions: write", "Issues: write", "Metadata: read",
                                            "Packages: write", "Pages: write", "PullRequests: write", "RepositoryProjects: write",
                                            "SecurityEvents: write", "Statuses: write"])
    log("Secret source: Actions")
    log("Prepare workflow directory")
    log("Prepare all required actions")
    log("Getting action download info")
    log("Download action repository 'actions/checkout@v4' (SHA:%s)" % SHA)
    log("Download action repository 'conda-incubator/setup-miniconda@v3' (SHA:d2e6a045a86077fb6cad6f5adf368e9076ddaa8d)")
    log("Download action repository 'actions/upload-artifact@v4' (SHA:b4b15b8c7c6ac21ea08fcf65892d2ee8f75cf882)")
    log("Complete job name: " + job)


def checkout(log):
    log("##[group]Run actions/checkout@v4")
    log.many(["with:", "  repository: VeloxChem/meta-vlx", "  token: ***", "  ssh-strict: true", "  ssh-user: git",
              "  persist-credentials: true", "  clean: true", "  sparse-checkout-cone-mode: true", "  fetch-depth: 1",
              "  fetch-tags: false", "  show-progress: true", "  lfs: false", "  submodules: false", "  set-safe-directory: true",
              "env:", "  GITLAB_PAT: ***"])
    log("##[endgroup]")
    log("Syncing repository: VeloxChem/meta-vlx")
    log.group("Getting Git version info", ["Working directory is '/home/runner/work/meta-vlx/meta-vlx'",
                                           "[command]/usr/bin/git version", "git version 2.47.1"])
    log("Temporarily overriding HOME='/home/runner/work/_temp/1f0c5a2e-8d43-4b7e-9a51-0c3f6c2d9e11' before making global git config changes")
    log("Adding repository directory to the temporary git global config as a safe directory")
    log("[command]/usr/bin/git config --global --add safe.directory /home/runner/work/meta-vlx/meta-vlx")
    log("Deleting the contents of '/home/runner/work/meta-vlx/meta-vlx'")
    log.group("Initializing the repository", ["[command]/usr/bin/git init /home/runner/work/meta-vlx/meta-vlx",
                                              "hint: Using 'master' as the name for the initial branch. This default branch name",
                                              "hint: is subject to change. To configure the initial branch name to use in all",
                                              "hint: of your new repositories, which will suppress this warning, call:",
                                              "hint:", "hint: \tgit config --global init.defaultBranch <name>", "hint:",
                                              "Initialized empty Git repository in /home/runner/work/meta-vlx/meta-vlx/.git/",
                                              "[command]/usr/bin/git remote add origin https://github.com/VeloxChem/meta-vlx"])
    log.group("Disabling automatic garbage collection", ["[command]/usr/bin/git config --local gc.auto 0"])
    log.group("Setting up auth", ["[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand",
                                  "[command]/usr/bin/git submodule foreach --recursive sh -c \"git config --local --name-only --get-regexp 'core\\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :\"",
                                  "[command]/usr/bin/git config --local http.https://github.com/.extraheader AUTHORIZATION: basic ***"])
    log.group("Fetching the repository", ["[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +4d2c9b7e1f0a3c5d6e7f8091a2b3c4d5e6f70819:refs/remotes/origin/main",
                                          "From https://github.com/VeloxChem/meta-vlx",
                                          " * [new ref]         4d2c9b7e1f0a3c5d6e7f8091a2b3c4d5e6f70819 -> origin/main"])
    log.group("Determining the checkout info", [])
    log("[command]/usr/bin/git sparse-checkout disable")
    log("[command]/usr/bin/git config --local --unset-all extensions.worktreeConfig")
    log.group("Checking out the ref", ["[command]/usr/bin/git checkout --progress --force -B main refs/remotes/origin/main",
                                       "Switched to a new branch 'main'",
                                       "branch 'main' set up to track 'origin/main'."])
    log("[command]/usr/bin/git log -1 --format=%H")
    log("4d2c9b7e1f0a3c5d6e7f8091a2b3c4d5e6f70819")


def download_and_patch(log):
    log.run_step('curl --fail --location --header "PRIVATE-TOKEN: $GITLAB_PAT" \\\n'
                 '     --output veloxchem.tar.bz2 "https://gitlab.com/api/v4/projects/44870217/jobs/8841203377/artifacts/veloxchem.tar.bz2"\n'
                 'echo "5f1e0c8a3b9d47e2a6c1f08d9b2e7a4c3d5f6e7a8b9c0d1e2f3a4b5c6d7e8f90  veloxchem.tar.bz2" | sha256sum --strict --check\n'
                 'tar -xjf veloxchem.tar.bz2\n'
                 'if [[ ! -d "veloxchem" ]]; then echo "no veloxchem/ folder"; exit 1; fi',
                 {"GITLAB_PAT": "***"})
    log("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current")
    log("                                 Dload  Upload   Total   Spent    Left  Speed")
    log("\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r 41 38.2M   41 15.9M    0     0  21.4M      0  0:00:01 --:--:--  0:00:01 21.4M\r100 38.2M  100 38.2M    0     0  33.9M      0  0:00:01  0:00:01 --:--:-- 33.9M", 1.5)
    log("veloxchem.tar.bz2: OK")
    log.run_step("printf '--- a/src/pymodule/__init__.py\\n+++ b/src/pymodule/__init__.py\\n@@ -22,3 +22,10 @@\\n...' > deploy.patch\npatch -p1 < deploy.patch",
                 {"GITLAB_PAT": "***"})
    log("patching file src/pymodule/__init__.py")


CONDA_PACKAGES = [
    ("_libgcc_mutex", "0.1", "conda_forge"), ("_openmp_mutex", "4.5", "2_gnu"), ("bzip2", "1.0.8", "h4bc722e_7"),
    ("ca-certificates", "2026.11.5", "hbcca054_0"), ("ld_impl_linux-64", "2.43", "h712a8e2_2"), ("libexpat", "2.6.4", "h5888daf_0"),
    ("libffi", "3.4.2", "h7f98852_5"), ("libgcc", "14.2.0", "h77fa898_1"), ("libgcc-ng", "14.2.0", "h69a702a_1"),
    ("libgomp", "14.2.0", "h77fa898_1"), ("liblzma", "5.6.3", "hb9d3cd8_1"), ("libnsl", "2.0.1", "hd590300_0"),
    ("libsqlite", "3.47.0", "hadc24fc_1"), ("libuuid", "2.38.1", "h0b41bf4_0"), ("libxcrypt", "4.4.36", "hd590300_1"),
    ("libzlib", "1.3.1", "hb9d3cd8_2"), ("ncurses", "6.5", "he02047a_1"), ("openssl", "3.4.0", "hb9d3cd8_0"),
    ("pip", "24.3.1", "pyh8b19718_0"), ("python", "3.12.7", "hc5c86c4_0_cpython"), ("python_abi", "3.12", "5_cp312"),
    ("readline", "8.2", "h8228510_1"), ("setuptools", "75.6.0", "pyhff2d567_1"), ("tk", "8.6.13", "noxft_h4845f30_101"),
    ("tzdata", "2024b", "hc8b5060_0"), ("wheel", "0.45.1", "pyhd8ed1ab_0"), ("archspec", "0.2.3", "pyhd8ed1ab_0"),
    ("boltons", "24.0.0", "pyhd8ed1ab_1"), ("brotli-python", "1.1.0", "py312h2ec8cdc_2"), ("certifi", "2024.8.30", "pyhd8ed1ab_0"),
    ("cffi", "1.17.1", "py312h06ac9bb_0"), ("charset-normalizer", "3.4.0", "pyhd8ed1ab_1"), ("conda", "24.11.0", "py312h7900ff3_0"),
    ("conda-libmamba-solver", "24.11.1", "pyhd8ed1ab_0"), ("conda-package-handling", "2.4.0", "pyha770c72_1"),
    ("conda-package-streaming", "0.11.0", "pyhd8ed1ab_0"), ("distro", "1.9.0", "pyhd8ed1ab_0"), ("fmt", "11.0.2", "h434a139_0"),
    ("frozendict", "2.4.6", "py312h66e93f0_0"), ("h2", "4.1.0", "pyhd8ed1ab_0"), ("hpack", "4.0.0", "pyh9f0ad1d_0"),
    ("hyperframe", "6.0.1", "pyhd8ed1ab_0"), ("idna", "3.10", "pyhd8ed1ab_1"), ("jsonpatch", "1.33", "pyhd8ed1ab_0"),
    ("jsonpointer", "3.0.0", "py312h7900ff3_1"), ("keyutils", "1.6.1", "h166bdaf_0"), ("krb5", "1.21.3", "h659f571_0"),
    ("libarchive", "3.7.7", "hadbb8c3_0"), ("libcurl", "8.11.0", "h332b0f4_0"), ("libedit", "3.1.20191231", "he28a2e2_2"),
    ("libev", "4.33", "hd590300_2"), ("libiconv", "1.17", "hd590300_2"), ("libmamba", "2.0.4", "hf72d635_0"),
    ("libmambapy", "2.0.4", "py312hf3f0a4e_0"), ("libnghttp2", "1.64.0", "h161d5f1_0"), ("libsolv", "0.7.30", "h3509ff9_0"),
    ("libssh2", "1.11.1", "hf672d98_0"), ("libstdcxx", "14.2.0", "hc0a3c3a_1"), ("libxml2", "2.13.5", "h064dc61_0"),
    ("lz4-c", "1.9.4", "hcb278e6_0"), ("lzo", "2.10", "hd590300_1001"), ("menuinst", "2.2.0", "py312h7900ff3_0"),
    ("nlohmann_json", "3.11.3", "he02047a_1"), ("packaging", "24.2", "pyhff2d567_1"), ("platformdirs", "4.3.6", "pyhd8ed1ab_1"),
    ("pluggy", "1.5.0", "pyhd8ed1ab_1"), ("pybind11-abi", "4", "hd8ed1ab_3"), ("pycosat", "0.6.6", "py312h66e93f0_2"),
    ("pycparser", "2.22", "pyh29332c3_1"), ("pysocks", "1.7.1", "pyha55dd90_7"), ("reproc", "14.2.5.post0", "hb9d3cd8_0"),
    ("reproc-cpp", "14.2.5.post0", "h5888daf_0"), ("requests", "2.32.3", "pyhd8ed1ab_1"), ("ruamel.yaml", "0.18.6", "py312h66e93f0_1"),
    ("ruamel.yaml.clib", "0.2.8", "py312h66e93f0_1"), ("simdjson", "3.10.1", "h84d6215_0"), ("spdlog", "1.14.1", "hed91bc2_1"),
    ("tqdm", "4.67.1", "pyhd8ed1ab_0"), ("truststore", "0.10.0", "pyhd8ed1ab_0"), ("urllib3", "2.2.3", "pyhd8ed1ab_1"),
    ("yaml-cpp", "0.8.0", "h59595ed_0"), ("zstandard", "0.23.0", "py312hef9b889_1"), ("zstd", "1.5.6", "ha6fb4c9_0"),
]

HOST_PACKAGES = CONDA_PACKAGES[:26] + [
    ("eigen", "3.4.0", "h00ab1b0_0"), ("libblas", "3.9.0", "25_linux64_openblas"), ("libcblas", "3.9.0", "25_linux64_openblas"),
    ("liblapack", "3.9.0", "25_linux64_openblas"), ("libopenblas", "0.3.28", "pthreads_h94d23a6_1"), ("libgfortran", "14.2.0", "h69a702a_1"),
    ("libgfortran5", "14.2.0", "hd5240d6_1"), ("libxc", "7.0.0", "cpu_h3de3f3a_2"), ("mpich", "4.2.3", "h0b40c0f_101"),
    ("mpi", "1.0.1", "mpich"), ("mpi4py", "4.0.1", "py312h3f9a2da_0"), ("numpy", "2.1.3", "py312h58c1407_0"),
    ("pybind11", "2.13.6", "pyh1ec8472_2"), ("pybind11-global", "2.13.6", "pyh415d2e4_2"), ("scipy", "1.14.1", "py312h62794b6_1"),
    ("h5py", "3.12.1", "nompi_py312hedeef09_102"), ("hdf5", "1.14.4", "nompi_h2d575fe_105"), ("libaec", "1.1.3", "h59595ed_0"),
    ("libcurl", "8.11.0", "h332b0f4_0"), ("geometric", "1.1", "pyhd8ed1ab_0"), ("networkx", "3.4.2", "pyh267e887_2"),
    ("psutil", "6.1.0", "py312h66e93f0_0"), ("rdkit", "2024.09.3", "py312h2a5e4d7_0"), ("cairo", "1.18.0", "hebfffa5_3"),
]

BUILD_PACKAGES = [
    ("_libgcc_mutex", "0.1", "conda_forge"), ("_openmp_mutex", "4.5", "2_gnu"), ("binutils_impl_linux-64", "2.43", "h4bf12b8_2"),
    ("binutils_linux-64", "2.43", "h4852527_2"), ("c-ares", "1.34.3", "heb4867d_0"), ("cmake", "3.31.1", "hf9cb763_0"),
    ("gcc_impl_linux-64", "13.3.0", "hfea6d02_1"), ("gcc_linux-64", "13.3.0", "hc28eda2_7"), ("gxx_impl_linux-64", "13.3.0", "hdbfa832_1"),
    ("gxx_linux-64", "13.3.0", "h6834431_7"), ("kernel-headers_linux-64", "3.10.0", "he073ed8_18"), ("keyutils", "1.6.1", "h166bdaf_0"),
    ("krb5", "1.21.3", "h659f571_0"), ("ld_impl_linux-64", "2.43", "h712a8e2_2"), ("libcurl", "8.11.0", "h332b0f4_0"),
    ("libedit", "3.1.20191231", "he28a2e2_2"), ("libev", "4.33", "hd590300_2"), ("libexpat", "2.6.4", "h5888daf_0"),
    ("libgcc", "14.2.0", "h77fa898_1"), ("libgcc-devel_linux-64", "13.3.0", "h84ea5a7_101"), ("libgomp", "14.2.0", "h77fa898_1"),
    ("libnghttp2", "1.64.0", "h161d5f1_0"), ("libsanitizer", "13.3.0", "heb74ff8_1"), ("libssh2", "1.11.1", "hf672d98_0"),
    ("libstdcxx", "14.2.0", "hc0a3c3a_1"), ("libstdcxx-devel_linux-64", "13.3.0", "h84ea5a7_101"), ("libuv", "1.49.2", "hb9d3cd8_0"),
    ("libzlib", "1.3.1", "hb9d3cd8_2"), ("make", "4.4.1", "hb9d3cd8_2"), ("ncurses", "6.5", "he02047a_1"), ("ninja", "1.12.1", "h297d8ca_0"),
    ("openssl", "3.4.0", "hb9d3cd8_0"), ("pkg-config", "0.29.2", "h4bc722e_1009"), ("rhash", "1.4.5", "hb9d3cd8_0"),
    ("sysroot_linux-64", "2.17", "h4a8ded7_18"), ("tzdata", "2024b", "hc8b5060_0"), ("zstd", "1.5.6", "ha6fb4c9_0"),
]


def package_plan(log, location, packages, specs):
    log("")
    log("## Package Plan ##")
    log("")
    log("  environment location: " + location)
    log("")
    log("  added / updated specs:")
    for spec in specs:
        log("    - " + spec)
    log("")
    log("")
    log("The following NEW packages will be INSTALLED:")
    log("")
    width = max(len(name) for name, _, _ in packages) + 2
    for name, version, build in packages:
        log("    %s %s-%s conda-forge" % ((name + ":").ljust(width), version, build.ljust(30)))
    log("")


def setup_miniconda(log):
    log("##[group]Run conda-incubator/setup-miniconda@v3")
    log.many(["with:", "  auto-update-conda: true", "  python-version: 3.12", "  channels: conda-forge",
              "  conda-remove-defaults: false", "  architecture: x64", "  clean-patched-environment-file: true",
              "  run-post: true", "env:", "  GITLAB_PAT: ***"])
    log("##[endgroup]")
    log.group("Gathering Inputs...", ['{', '  "activateEnvironment": "test",', '  "architecture": "x64",',
                                      '  "autoUpdateConda": "true",', '  "channels": "conda-forge",', '  "pythonVersion": "3.12"', '}'])
    log.group("Creating bootstrap condarc file in /home/runner/.condarc...", [])
    log.group("Ensuring installer...", [])
    log.group("Setup environment variables...", [])
    log.group("Configuring conda package cache...", [])
    log.group("Applying initial configuration...", [
        "[command]/usr/share/miniconda/condabin/conda config --add channels conda-forge",
        "[command]/usr/share/miniconda/condabin/conda config --show-sources"])
    log.group("Initializing conda shell integration...", [
        "[command]/usr/share/miniconda/condabin/conda init --all"] +
        ["no change     /usr/share/miniconda/" + path for path in [
            "condabin/conda", "bin/conda", "bin/conda-env", "bin/activate", "bin/deactivate", "etc/profile.d/conda.sh",
            "etc/fish/conf.d/conda.fish", "shell/condabin/Conda.psm1", "shell/condabin/conda-hook.ps1",
            "lib/python3.12/site-packages/xontrib/conda.xsh", "etc/profile.d/conda.csh"]] +
        ["modified      /home/runner/.bashrc", "modified      /home/runner/.zshrc", "modified      /home/runner/.config/fish/config.fish",
         "modified      /home/runner/.xonshrc", "modified      /home/runner/.tcshrc",
         "", "==> For changes to take effect, close and re-open your current shell. <==", ""])
    log.group("Adding tools to global PATH...", [])
    log("##[group]Updating 'base' environment...")
    log("[command]/usr/share/miniconda/condabin/conda install --name base conda --yes")
    solve(log, "/usr/share/miniconda", CONDA_PACKAGES[30:70], ["conda"])
    log("##[endgroup]")
    log("##[group]Creating conda environment 'test'...")
    log("[command]/usr/share/miniconda/condabin/conda create --name test --yes python=3.12")
    solve(log, "/usr/share/miniconda/envs/test", CONDA_PACKAGES[:26], ["python=3.12"])
    log("#")
    log("# To activate this environment, use")
    log("#")
    log("#     $ conda activate test")
    log("#")
    log("# To deactivate an active environment, use")
    log("#")
    log("#     $ conda deactivate")
    log("##[endgroup]")
    log.group("Environment Output", ["[command]/usr/share/miniconda/condabin/conda info", "", "     active environment : test",
                                     "    active env location : /usr/share/miniconda/envs/test", "            shell level : 1",
                                     "       user config file : /home/runner/.condarc", " populated config files : /home/runner/.condarc",
                                     "          conda version : 24.11.0", "    conda-build version : not installed",
                                     "         python version : 3.12.7.final.0", "                 solver : libmamba (default)",
                                     "       virtual packages : __archspec=1=zen3", "                          __conda=24.11.0=0",
                                     "                          __glibc=2.39=0", "                          __linux=6.8.0=0",
                                     "                          __unix=0=0", "       base environment : /usr/share/miniconda  (writable)"])
    log("Cleaning up .condarc and conda package cache...")


def solve(log, location, packages, specs, pause=0.2):
    log("Channels:")
    log(" - conda-forge")
    log(" - defaults")
    log("Platform: linux-64")
    log("Collecting package metadata (repodata.json): ...working... done", 3)
    log("Solving environment: ...working... done", 2)
    package_plan(log, location, packages, specs)
    log("")
    log("Downloading and Extracting Packages: ...working... done", 3)
    log("Preparing transaction: ...working... done")
    log("Verifying transaction: ...working... done")
    log("Executing transaction: ...working... done", 2)


def configure(log):
    log.run_step('sed -e "s/@VERSION@/1.0/" \\\n    -e "s/@BUILD@/1/" \\\n    recipes/veloxchem/meta.yaml.in > recipes/veloxchem/meta.yaml',
                 {"GITLAB_PAT": "***"})


BUILD_SCRIPT = ('conda install --yes conda-build anaconda-client\n'
                'conda config --set anaconda_upload yes\n'
                'conda build recipes/veloxchem \\\n'
                '      --user robertodr --label dev --token "$ANACONDA_TOKEN"')


def conda_build_start(log):
    log.run_step(BUILD_SCRIPT, {"GITLAB_PAT": "***", "ANACONDA_TOKEN": "***"})
    solve(log, "/usr/share/miniconda/envs/test", CONDA_PACKAGES[26:], ["anaconda-client", "conda-build"])
    log("No numpy version specified in conda_build_config.yaml.  Falling back to default numpy value of 1.26")
    log("WARNING:conda_build.metadata:No numpy version specified in conda_build_config.yaml.  Falling back to default numpy value of 1.26")
    log("Adding in variants from internal_defaults")
    log("INFO:conda_build.variants:Adding in variants from internal_defaults")
    log("Adding in variants from /home/runner/work/meta-vlx/meta-vlx/recipes/veloxchem/conda_build_config.yaml")
    log("INFO:conda_build.variants:Adding in variants from /home/runner/work/meta-vlx/meta-vlx/recipes/veloxchem/conda_build_config.yaml")
    log("Attempting to finalize metadata for veloxchem")
    log("INFO:conda_build.metadata:Attempting to finalize metadata for veloxchem")
    log("Reloading output folder: /usr/share/miniconda/conda-bld")
    log("Reloading output folder (local): ...working... done")


def conda_build_envs(log):
    log("Solving environment (_h_env): ...working... done", 4)
    log("Solving environment (_build_env): ...working... done", 4)
    log("BUILD START: ['%s']" % PKG)
    log("Reloading output folder (local): ...working... done")
    log("Solving environment (_h_env_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_placehold_pl): ...working... done", 4)
    package_plan(log, PLACEHOLD, HOST_PACKAGES, ["eigen", "libxc", "mpich", "mpi4py", "numpy", "pybind11", "python 3.12.*", "scipy", "h5py", "geometric"])
    log("Reloading output folder (local): ...working... done")
    log("Solving environment (_build_env): ...working... done", 4)
    package_plan(log, BLD + "/_build_env", BUILD_PACKAGES, ["cmake", "gxx_linux-64 13.*", "ninja", "pkg-config", "make"])
    log("Preparing transaction: ...working... done")
    log("Verifying transaction: ...working... done")
    log("Executing transaction: ...working... done", 10)
    log("Preparing transaction: ...working... done")
    log("Verifying transaction: ...working... done")
    log("Executing transaction: ...working... done", 10)
    log("source tree in: " + WORK)
    log("export PREFIX=" + PLACEHOLD)
    log("export BUILD_PREFIX=" + BLD + "/_build_env")
    log("export SRC_DIR=" + WORK)
    log("INFO: activate-binutils_linux-64.sh made the following environmental changes:")
    for tool in ["addr2line", "ar", "as", "cxxfilt", "elfedit", "gprof", "ld", "ld_gold", "nm", "objcopy", "objdump", "ranlib", "readelf", "size", "strings", "strip"]:
        log("+%s=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-%s" % (tool.upper(), tool.replace("ld_gold", "ld.gold").replace("cxxfilt", "c++filt")))
    log("INFO: activate-gcc_linux-64.sh made the following environmental changes:")
    log("+build_alias=x86_64-conda-linux-gnu")
    log("+CC=x86_64-conda-linux-gnu-cc")
    log("+CC_FOR_BUILD=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-cc")
    log("+CFLAGS=-march=nocona -mtune=haswell -ftree-vectorize -fPIC -fstack-protector-strong -fno-plt -O2 -ffunction-sections -pipe -isystem $PREFIX/include -fdebug-prefix-map=$SRC_DIR=/usr/local/src/conda/veloxchem-1.0 -fdebug-prefix-map=$PREFIX=/usr/local/src/conda-prefix")
    log("+CMAKE_ARGS=-DCMAKE_AR=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-ar -DCMAKE_CXX_COMPILER_AR=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-gcc-ar -DCMAKE_C_COMPILER_AR=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-gcc-ar -DCMAKE_RANLIB=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-ranlib -DCMAKE_LINKER=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-ld -DCMAKE_STRIP=$BUILD_PREFIX/bin/x86_64-conda-linux-gnu-strip -DCMAKE_BUILD_TYPE=Release")
    log("+CPPFLAGS=-DNDEBUG -D_FORTIFY_SOURCE=2 -O2 -isystem $PREFIX/include")
    log("+GCC=x86_64-conda-linux-gnu-gcc")
    log("+LDFLAGS=-Wl,-O2 -Wl,--sort-common -Wl,--as-needed -Wl,-z,relro -Wl,-z,now -Wl,--disable-new-dtags -Wl,--gc-sections -Wl,--allow-shlib-undefined -Wl,-rpath,$PREFIX/lib -Wl,-rpath-link,$PREFIX/lib -L$PREFIX/lib")
    log("INFO: activate-gxx_linux-64.sh made the following environmental changes:")
    log("+CXX=x86_64-conda-linux-gnu-c++")
    log("+CXXFLAGS=-fvisibility-inlines-hidden -fmessage-length=0 -march=nocona -mtune=haswell -ftree-vectorize -fPIC -fstack-protector-strong -fno-plt -O2 -ffunction-sections -pipe -isystem $PREFIX/include")
    log("+GXX=x86_64-conda-linux-gnu-g++")
    log("+ export CMAKE_BUILD_PARALLEL_LEVEL=4")
    log("+ CMAKE_BUILD_PARALLEL_LEVEL=4")
    log("+ cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=%s -DPython_EXECUTABLE=%s/bin/python -DVLX_LA_VENDOR=OpenBLAS -DENABLE_ARCH_FLAGS=OFF" % (PLACEHOLD, PLACEHOLD))
    log("-- The CXX compiler identification is GNU 13.3.0")
    log("-- Detecting CXX compiler ABI info")
    log("-- Detecting CXX compiler ABI info - done")
    log("-- Check for working CXX compiler: %s/_build_env/bin/x86_64-conda-linux-gnu-c++ - skipped" % BLD)
    log("-- Detecting CXX compile features")
    log("-- Detecting CXX compile features - done")
    log("-- Found Python: %s/bin/python (found suitable version \"3.12.7\", minimum required is \"3.9\") found components: Interpreter Development.Module" % PLACEHOLD)
    log("-- Performing Test CMAKE_HAVE_LIBC_PTHREAD")
    log("-- Performing Test CMAKE_HAVE_LIBC_PTHREAD - Success")
    log("-- Found Threads: TRUE")
    log("-- Found OpenMP_CXX: -fopenmp (found version \"4.5\")")
    log("-- Found OpenMP: TRUE (found version \"4.5\")  ")
    log("-- Found MPI_CXX: %s/lib/libmpicxx.so (found version \"4.1\") " % PLACEHOLD)
    log("-- Found MPI: TRUE (found version \"4.1\")  ")
    log("-- Performing Test COMPILER_SUPPORTS_AVX512")
    log("-- Performing Test COMPILER_SUPPORTS_AVX512 - Failed")
    log("-- Looking for sgemm_")
    log("-- Looking for sgemm_ - found")
    log("-- Found BLAS: %s/lib/libopenblas.so  " % PLACEHOLD)
    log("-- Looking for cheev_")
    log("-- Looking for cheev_ - found")
    log("-- Found LAPACK: %s/lib/libopenblas.so;-lm;-ldl  " % PLACEHOLD)
    log("-- Found Libxc: %s/lib/libxc.so (found suitable version \"7.0.0\", minimum required is \"6.0\")" % PLACEHOLD)
    log("-- Found Eigen3: %s/include/eigen3 (found version \"3.4.0\")" % PLACEHOLD)
    log("-- Found pybind11: %s/lib/python3.12/site-packages/pybind11/include (found version \"2.13.6\")" % PLACEHOLD)
    log("-- Performing Test HAS_FLTO")
    log("-- Performing Test HAS_FLTO - Success")
    log("-- Configuring done (6.4s)")
    log("-- Generating done (0.2s)")
    log("-- Build files have been written to: %s/build" % WORK)
    log("+ cmake --build build --parallel 4")


SOURCES = ["general/StringFormat", "general/ErrorHandler", "general/MpiFunc", "general/OpenMPFunc", "general/Codata",
           "math/DenseMatrix", "math/DenseLinearAlgebra", "math/MathFunc", "math/SubMatrix", "math/MatrixFunc",
           "moldata/Molecule", "moldata/ChemicalElement", "moldata/AtomBasis", "orbdata/MolecularBasis", "orbdata/BasisFunction",
           "orbdata/AODensityMatrix", "orbdata/MolecularOrbitals", "dft/XCFunctional", "dft/XCComponent", "dft/GridDriver",
           "dft/MolecularGrid", "dft/XCIntegrator", "dft/XCIntegratorForLDA", "dft/XCIntegratorForGGA", "dft/XCIntegratorForMGGA",
           "dft/GtoValues", "dft/DensityGridGenerator", "dft/FunctionalParser", "eri/FockDriver", "eri/EriScreener",
           "eri/T4CDistributor", "eri/T4CGeomXYMatricesDistributor", "eri/ElectronRepulsionFunc", "onee/OverlapDriver",
           "onee/KineticEnergyDriver", "onee/NuclearPotentialDriver", "onee/DipoleDriver", "onee/QuadrupoleDriver",
           "t2c_func/BoysFunc", "t2c_func/T2CUtils", "t3c_func/T3CUtils", "t4c_func/T4CUtils", "pymodule/ExportGeneral",
           "pymodule/ExportMath", "pymodule/ExportMolData", "pymodule/ExportOrbData", "pymodule/ExportDft", "pymodule/ExportT4CIntegrals",
           "pymodule/ExportOneElecInts", "pymodule/ExportVeloxChemLib"]


def object_of(source):
    folder, name = source.split("/")
    return "src/%s/CMakeFiles/vlx%s.dir/%s.cpp.o" % (folder, folder.replace("_", ""), name)


def compile_command(source):
    return ("%s/_build_env/bin/x86_64-conda-linux-gnu-c++ -DVLX_ALIGN=64 -DVLX_HAS_OPENMP -Dveloxchemlib_EXPORTS "
            "-I%s/src/general -I%s/src/math -I%s/src/moldata -I%s/src/orbdata -I%s/src/dft -isystem %s/include/eigen3 "
            "-isystem %s/include/python3.12 -fvisibility-inlines-hidden -fmessage-length=0 -march=nocona -mtune=haswell "
            "-ftree-vectorize -fPIC -fstack-protector-strong -fno-plt -O2 -ffunction-sections -pipe -isystem %s/include "
            "-fdebug-prefix-map=%s=/usr/local/src/conda/veloxchem-1.0 -O3 -DNDEBUG -std=gnu++17 -fPIC -fvisibility=hidden "
            "-fopenmp -MD -MT %s -MF %s.d -o %s -c %s/src/%s.cpp") % (
        BLD, WORK, WORK, WORK, WORK, WORK, PLACEHOLD, PLACEHOLD, PLACEHOLD, WORK, object_of(source), object_of(source),
        object_of(source), WORK, source)


def ninja_progress(log, first, last, total, warnings=True):
    for step in range(first, last + 1):
        source = SOURCES[step % len(SOURCES)]
        log("[%d/%d] Building CXX object %s" % (step, total, object_of(source)), 1.5)
        if warnings and step % 37 == 11:
            log("%s/src/%s.cpp: In member function 'void C%s::compute(const CMolecule&, const CMolecularBasis&)':" % (WORK, source, source.split("/")[1]))
            log("%s/src/%s.cpp:%d:14: warning: unused variable 'nthreads' [-Wunused-variable]" % (WORK, source, 40 + step))
            log("  %d |     auto nthreads = omp_get_max_threads();" % (40 + step))
            log("      |          ^~~~~~~~")


def ninja_all(log, total=312):
    ninja_progress(log, 1, total - 6, total)
    for step, target in enumerate(["src/general/libvlxgeneral.a", "src/math/libvlxmath.a", "src/dft/libvlxdft.a",
                                   "src/eri/libvlxeri.a", "src/onee/libvlxonee.a"], start=total - 5):
        log("[%d/%d] Linking CXX static library %s" % (step, total, target), 2)
    log("[%d/%d] Linking CXX shared module src/pymodule/veloxchemlib.cpython-312-x86_64-linux-gnu.so" % (total, total), 10)
    log("+ cmake --install build")
    log("-- Install configuration: \"Release\"")
    site = PLACEHOLD + "/lib/python3.12/site-packages/veloxchem"
    log("-- Installing: %s/veloxchemlib.cpython-312-x86_64-linux-gnu.so" % site)
    for module in ["__init__", "main", "mpitask", "molecule", "molecularbasis", "scfdriver", "scfrestdriver", "scfunrestdriver",
                   "scfrestopendriver", "linearsolver", "lreigensolver", "lrsolver", "cppsolver", "tdaeigensolver", "rspproperty",
                   "rsplinabscross", "rspabsorption", "rspc6", "rspcdspec", "rsppolarizability", "firstorderprop", "gradientdriver",
                   "scfgradientdriver", "tddftgradientdriver", "hessiandriver", "optimizationdriver", "mp2driver", "outputstream",
                   "inputparser", "errorhandler", "veloxchemlib", "dispersionmodel", "xtbdriver", "forcefieldgenerator",
                   "respchargesdriver", "visualizationdriver", "cubicgrid", "polarizableembedding", "excitondriver", "loprop"]:
        log("-- Installing: %s/%s.py" % (site, module), 0.01)
    for data in ["basis/STO-3G", "basis/6-31G", "basis/6-31G*", "basis/DEF2-SVP", "basis/DEF2-TZVP", "basis/CC-PVDZ",
                 "basis/CC-PVTZ", "basis/AUG-CC-PVDZ", "basis/AUG-CC-PVTZ", "basis/SAD_SOLVER", "basis/MIN-CC-PVDZ"]:
        log("-- Installing: %s/%s" % (site, data), 0.01)
    log("Packaging veloxchem")
    log("INFO:conda_build.build:Packaging veloxchem")
    log("Packaging veloxchem-1.0-py312h5e1b0a1_1")
    log("INFO:conda_build.build:Packaging veloxchem-1.0-py312h5e1b0a1_1")
    log("number of files: 291")
    log("Fixing permissions", 2)
    log("Packaged license file/s.")
    log("INFO :: Time taken to mark (prefix)")
    log("        0 replacements in 0 files")
    log("        took 0.142s")
    log("Files containing CONDA_PREFIX")
    log("-----------------------------")
    log("lib/python3.12/site-packages/veloxchem/veloxchemlib.cpython-312-x86_64-linux-gnu.so (binary)")
    log("Importing conda-verify failed.  Please be sure to test your packages.  conda install conda-verify to make this message go away.")
    log("WARNING:conda_build.build:Importing conda-verify failed.  Please be sure to test your packages.  conda install conda-verify to make this message go away.")
    log("TEST START: /usr/share/miniconda/conda-bld/linux-64/" + PKG)
    log("Reloading output folder (local): ...working... done")
    log("Solving environment (_test_env): ...working... done", 5)
    package_plan(log, BLD + "/_test_env", HOST_PACKAGES + [("pytest", "8.3.3", "pyhd8ed1ab_0"), ("veloxchem", "1.0", "py312h5e1b0a1_1")],
                 ["pytest", "veloxchem==1.0=py312h5e1b0a1_1"])
    log("Preparing transaction: ...working... done")
    log("Verifying transaction: ...working... done")
    log("Executing transaction: ...working... done", 8)
    log("export PREFIX=%s/_test_env" % BLD)
    log("export SRC_DIR=%s/test_tmp" % BLD)
    log("import: 'veloxchem'")
    log("+ python -m pytest -v tests")


TESTS = ["test_atommapper.py::test_atom_mapper_%s", "test_molecule.py::test_%s_geometry", "test_basis.py::test_basis_%s",
         "test_oneints.py::test_overlap_%s", "test_oneints.py::test_kinetic_%s", "test_twoints.py::test_eri_%s",
         "test_scfrestdriver.py::test_scf_%s", "test_scfunrestdriver.py::test_uscf_%s", "test_dft.py::test_xc_%s",
         "test_lreigensolver.py::test_%s", "test_rsp.py::test_polarizability_%s", "test_gradient.py::test_grad_%s",
         "test_errors.py::test_error_handler_%s", "test_optimizer.py::test_opt_%s", "test_mp2.py::test_mp2_%s"]
FLAVOURS = ["water", "nh3", "ch4", "benzene", "hf", "lda", "blyp", "b3lyp", "pbe0", "tpssh", "sto3g", "def2svp", "ccpvdz",
            "smallgrid", "mpi", "omp", "restart", "checkpoint"]


def pytest_run(log, failures):
    log("============================= test session starts ==============================")
    log("platform linux -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0 -- %s/_test_env/bin/python" % BLD)
    log("cachedir: .pytest_cache")
    log("rootdir: %s/test_tmp" % BLD)
    log("configfile: pyproject.toml")
    log("plugins: cov-6.0.0")
    log("collecting ... collected 270 items")
    log("")
    names = [("tests/" + TESTS[i % len(TESTS)]) % FLAVOURS[(i * 7) % len(FLAVOURS)] + ("" if i < 255 else "_%d" % i) for i in range(270)]
    failed = {name: reason for name, reason in failures}
    for index, name in enumerate(names):
        outcome = "FAILED" if name in failed else ("SKIPPED (requires xtb)" if index % 90 == 45 else "PASSED")
        log("%s %s [%3d%%]" % (name.ljust(70), outcome, (index + 1) * 100 // len(names)), 3)
    return names


def pytest_failures(log, failures):
    log("")
    log("=================================== FAILURES ===================================")
    for name, (line, assertion, extra) in failures:
        test = name.split("::")[1]
        log(("_" * 30) + " " + test + " " + ("_" * 30))
        log("")
        log("    @pytest.mark.solvers")
        log("    def %s():" % test)
        log("    ")
        log("        here = Path(__file__).parent")
        log("        inpfile = str(here / 'data' / 'water.inp')")
        log("    ")
        log("        task = MpiTask([inpfile, None])")
        log("        scf_drv = ScfRestrictedDriver(task.mpi_comm, task.ostream)")
        log("        scf_drv.xcfun = 'blyp'")
        log("        scf_results = scf_drv.compute(task.molecule, task.ao_basis, task.min_basis)")
        log("    ")
        log("        ref_energy = -76.41777540")
        log(">       " + assertion)
        for detail in extra:
            log("E       " + detail)
        log("")
        log("%s:%d: AssertionError" % (name.split("::")[0], line))
        log("----------------------------- Captured stdout call -----------------------------")
        for iteration in range(1, 14):
            log("                  %2d       -76.4177%04d    %.10f      0.000%05d      0.0000000000  " % (iteration, 9999 - iteration * 700, 10 ** -iteration, 99999 // iteration))
        log("               *** SCF converged in 13 iterations. Time: 2.41 sec.")


def pytest_end(log, failures, passed, skipped):
    log("=============================== warnings summary ===============================")
    log("tests/test_rsp.py::test_polarizability_water")
    log("  %s/_test_env/lib/python3.12/site-packages/veloxchem/rspproperty.py:112: DeprecationWarning: use RspPolarizability.compute" % BLD)
    log("    warnings.warn(")
    log("")
    log("-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html")
    if failures:
        log("=========================== short test summary info ============================")
        for name, (line, assertion, extra) in failures:
            log("FAILED %s - %s" % (name, extra[0]))
        log("=========== %d failed, %d passed, %d skipped, 4 warnings in 512.33s (0:08:32) ===========" % (len(failures), passed, skipped), 500)
    else:
        log("================= %d passed, %d skipped, 4 warnings in 498.70s (0:08:18) =================" % (passed, skipped), 500)


def after_build(log, job):
    log.run_step('printf \'{"outcome": "%s"}\\n\' "failure" > summary.json', {"GITLAB_PAT": "***"})
    log("##[group]Run actions/upload-artifact@v4")
    log.many(["with:", "  name: build_summary-%s" % job, "  path: summary.json", "  retention-days: 1", "  if-no-files-found: warn",
              "  compression-level: 6", "  overwrite: false", "  include-hidden-files: false", "env:", "  GITLAB_PAT: ***"])
    log("##[endgroup]")
    log("With the provided path, there will be 1 file uploaded")
    log("Artifact name is valid!")
    log("Root directory input is valid!")
    log("Beginning upload of artifact content to blob storage")
    log("Uploaded bytes 137")
    log("Finished uploading artifact content to blob storage!")
    log("SHA256 hash of uploaded artifact zip is 9e2f1a4cb7d6e30f5a1b8c9d0e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f")
    log("Finalizing artifact upload")
    log("Artifact build_summary-%s.zip successfully finalized. Artifact ID 2234871650" % job)
    log("Artifact build_summary-%s has been successfully uploaded! Final size is 137 bytes. Artifact ID is 2234871650" % job)
    log("Artifact download URL: https://github.com/VeloxChem/meta-vlx/actions/runs/12034551762/artifacts/2234871650")
    log("Post job cleanup.")
    log("Post job cleanup.")
    log("[command]/usr/bin/git version")
    log("git version 2.47.1")
    log("Temporarily overriding HOME='/home/runner/work/_temp/8a1f7c6e-2b3d-4e5f-9a0b-1c2d3e4f5a6b' before making global git config changes")
    log("Adding repository directory to the temporary git global config as a safe directory")
    log("[command]/usr/bin/git config --global --add safe.directory /home/runner/work/meta-vlx/meta-vlx")
    log("[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand")
    log("[command]/usr/bin/git config --local --name-only --get-regexp http\\.https\\:\\/\\/github\\.com\\/\\.extraheader")
    log("http.https://github.com/.extraheader")
    log("[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader")
    log("Cleaning up orphan processes")


def common_start(log, job):
    preamble(log, job)
    checkout(log)
    download_and_patch(log)
    setup_miniconda(log)
    configure(log)
    conda_build_start(log)


def compile_error():
    job = "ubuntu-latest_3.12_mpich"
    log = Log(1)
    common_start(log, "ubuntu-latest python-3.12 mpich")
    conda_build_envs(log)
    ninja_progress(log, 1, 146, 312)
    source = "dft/XCIntegratorForGGA"
    log("FAILED: %s " % object_of(source))
    log(compile_command(source))
    log("%s/src/%s.cpp: In function 'CDenseMatrix xcintgga::integrateVxcFockForGGA(const CMolecule&, const CMolecularBasis&, const std::vector<const double*>&, const CMolecularGrid&, double, const CXCFunctional&, const std::string&)':" % (WORK, source))
    log("%s/src/%s.cpp:214:28: error: 'gridscreen' has not been declared" % (WORK, source))
    log("  214 |             auto npoints = gridscreen::screenDensityForGGA(rho, sigma, xcfun.getDensityThreshold());")
    log("      |                            ^~~~~~~~~~")
    log("%s/src/%s.cpp:231:13: error: 'screenVxcFockForGGA' was not declared in this scope; did you mean 'integrateVxcFockForGGA'?" % (WORK, source))
    log("  231 |             screenVxcFockForGGA(rho, sigma, exc, vrho, vsigma, xcfun.getDensityThreshold());")
    log("      |             ^~~~~~~~~~~~~~~~~~~")
    log("      |             integrateVxcFockForGGA")
    log("[147/312] Building CXX object %s" % object_of("dft/XCIntegratorForLDA"), 8)
    log("[148/312] Building CXX object %s" % object_of("dft/GtoValues"), 8)
    log("[149/312] Building CXX object %s" % object_of("eri/FockDriver"), 30)
    log("ninja: build stopped: subcommand failed.")
    traceback(log, [
        ("/usr/share/miniconda/envs/test/bin/conda-build", 11, "<module>", "sys.exit(execute())"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/cli/main_build.py", 589, "execute", "api.build("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/api.py", 209, "build", "return build_tree("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/build.py", 3656, "build_tree", "packages_from_this = build("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/build.py", 2487, "build", "utils.check_call_env("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/utils.py", 404, "check_call_env", 'return _func_defaulting_env_to_os_environ("call", *popenargs, **kwargs)'),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/utils.py", 380, "_func_defaulting_env_to_os_environ", "raise subprocess.CalledProcessError(proc.returncode, _args)"),
    ], "subprocess.CalledProcessError: Command '['/usr/bin/bash', '-o', 'errexit', '%s/conda_build.sh']' returned non-zero exit status 1." % WORK)
    log("")
    log("During handling of the above exception, another exception occurred:")
    log("")
    traceback(log, [
        ("/usr/share/miniconda/envs/test/bin/conda-build", 11, "<module>", "sys.exit(execute())"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/cli/main_build.py", 589, "execute", "api.build("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/build.py", 2490, "build", "raise BuildScriptException(str(exc), caused_by=exc) from exc"),
    ], "conda_build.exceptions.BuildScriptException: Command failed: /usr/bin/bash -o errexit %s/conda_build.sh" % WORK)
    log("##[error]Process completed with exit code 1.")
    after_build(log, job)
    log.write("conda-build-compile-error.log")


def traceback(log, frames, last):
    log("Traceback (most recent call last):")
    for path, line, function, code in frames:
        log('  File "%s", line %d, in %s' % (path, line, function))
        log("    " + code)
    log(last)


def missing_dependency():
    job = "ubuntu-latest_3.13_mpich"
    log = Log(2)
    common_start(log, "ubuntu-latest python-3.13 mpich")
    log("Solving environment (_h_env): ...working... failed", 6)
    log("Reloading output folder (local): ...working... done")
    log("Solving environment (_h_env): ...working... failed", 6)
    traceback(log, [
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/environ.py", 922, "get_install_actions", "precs = _install_actions(prefix, index, specs)[\"LINK\"]"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/environ.py", 1262, "_install_actions", "unlink_link_transaction = solver.solve_for_transaction("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda/core/solve.py", 153, "solve_for_transaction", "unlink_precs, link_precs = self.solve_for_diff("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda/core/solve.py", 222, "solve_for_diff", "final_precs = self.solve_final_state("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_libmamba_solver/solver.py", 238, "solve_final_state", "out_state = self._solving_loop(in_state, out_state, index)"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_libmamba_solver/solver.py", 339, "_solving_loop", "solved = self._solve_attempt(in_state, out_state, index, attempt=attempt)"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_libmamba_solver/solver.py", 446, "_solve_attempt", "self._maybe_raise_for_problems()"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_libmamba_solver/solver.py", 892, "_maybe_raise_for_problems", "raise LibMambaUnsatisfiableError(message)"),
    ], "conda_libmamba_solver.exceptions.LibMambaUnsatisfiableError: Could not solve for environment specs")
    log("The following packages are incompatible")
    log("├─ libxc >=7.1,<8 * does not exist (perhaps a typo or a missing channel);")
    log("└─ python 3.13**  is installable and it requires")
    log("   └─ python_abi 3.13.* *_cp313, which can be installed.")
    log("")
    log("During handling of the above exception, another exception occurred:")
    log("")
    traceback(log, [
        ("/usr/share/miniconda/envs/test/bin/conda-build", 11, "<module>", "sys.exit(execute())"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/cli/main_build.py", 589, "execute", "api.build("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/api.py", 209, "build", "return build_tree("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/build.py", 3598, "build_tree", "metadata_tuples = render_recipe("),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/render.py", 1001, "render_recipe", "m = finalize_metadata(m, permit_unsatisfiable_variants=permit_unsatisfiable_variants)"),
        ("/usr/share/miniconda/envs/test/lib/python3.12/site-packages/conda_build/render.py", 667, "finalize_metadata", "raise DependencyNeedsBuildingError(unsat, subdir=m.config.host_subdir)"),
    ], "conda_build.exceptions.DependencyNeedsBuildingError: Unsatisfiable dependencies for platform linux-64: {MatchSpec(\"libxc[version='>=7.1,<8']\")}")
    log("##[error]Process completed with exit code 1.")
    after_build(log, job)
    log.write("conda-build-missing-dependency.log")


def failing_test():
    job = "ubuntu-latest_3.12_mpich"
    log = Log(3)
    common_start(log, "ubuntu-latest python-3.12 mpich")
    conda_build_envs(log)
    ninja_all(log)
    failures = [("tests/test_scfrestdriver.py::test_scf_blyp",
                 (88, "assert abs(scf_results['scf_energy'] - ref_energy) < 1.0e-6",
                  ["AssertionError: assert 3.2145e-05 < 1e-06",
                   " +  where 3.2145e-05 = abs((-76.41774325 - -76.4177754))"])),
                ("tests/test_lreigensolver.py::test_b3lyp",
                 (51, "assert np.max(np.abs(eigvals - ref_eigvals)) < 1.0e-5",
                  ["AssertionError: assert 0.00021 < 1e-05",
                   " +  where 0.00021 = <function amax at 0x7f3c2a1b4e30>(array([0.00021, 0.00002]))"]))]
    names = pytest_run(log, failures)
    pytest_failures(log, failures)
    pytest_end(log, failures, len(names) - 2 - 3, 3)
    log("Tests failed for %s - moving package to /usr/share/miniconda/conda-bld/broken" % PKG)
    log("WARNING:conda_build.build:Tests failed for %s - moving package to /usr/share/miniconda/conda-bld/broken" % PKG)
    log("TESTS FAILED: " + PKG)
    log("##[error]Process completed with exit code 1.")
    after_build(log, job)
    log.write("conda-build-failing-test.log")


def upload_refused():
    job = "ubuntu-latest_3.12_mpich"
    log = Log(4)
    common_start(log, "ubuntu-latest python-3.12 mpich")
    conda_build_envs(log)
    ninja_all(log)
    names = pytest_run(log, [])
    pytest_end(log, [], len(names) - 3, 3)
    log("")
    log("Resource usage statistics from testing veloxchem:")
    log("   Process count: 5")
    log("   CPU time: Sys=0:00:12.4, User=0:31:40.2")
    log("   Memory: 2.1G")
    log("   Disk usage: 1.4M")
    log("   Time elapsed: 0:08:21.3")
    log("")
    log("TEST END: /usr/share/miniconda/conda-bld/linux-64/" + PKG)
    log("Renaming work directory '%s' to '%s_moved_veloxchem-1.0-py312h5e1b0a1_1_linux-64'" % (WORK, WORK))
    log("INFO:conda_build.utils:Renaming work directory '%s' to '%s_moved_veloxchem-1.0-py312h5e1b0a1_1_linux-64'" % (WORK, WORK))
    log("shutil.move(work)=%s, dest=%s_moved_veloxchem-1.0-py312h5e1b0a1_1_linux-64)" % (WORK, WORK))
    log("Uploading %s to anaconda.org" % PKG)
    log("Using Anaconda API: https://api.anaconda.org")
    log("Using \"--user\" option: uploading to channel robertodr")
    log("Detecting file type...")
    log("File type is \"Conda\"")
    log("Extracting conda attributes for upload")
    log("Creating package \"veloxchem\"")
    log("Creating release \"1.0\"")
    log("Uploading file \"robertodr/veloxchem/1.0/linux-64/%s\"" % PKG, 3)
    log("Error: ('file robertodr/veloxchem/1.0/linux-64/%s already exists or being uploaded for package veloxchem version 1.0. if your previous upload failed, please wait 2 minutes before trying again', 409)" % PKG)
    log("##[error]Process completed with exit code 1.")
    after_build(log, job)
    log.write("conda-build-upload-refused.log")


if __name__ == "__main__":
    compile_error()
    missing_dependency()
    failing_test()
    upload_refused()
