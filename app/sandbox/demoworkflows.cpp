// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/demoworkflows.h"

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

QByteArray inputsBlock()
{
    QByteArray block;
    const std::pair<const char *, const char *> inputs[] = {
        {"recipe", "Name of the conda recipe (folder under recipes/)"},
        {"url", "URL of the source tarball (a GitLab job artifact)"},
        {"sha256", "SHA-256 checksum of the tarball"},
        {"version", "Version of the package"},
        {"build", "Build number"},
        {"channel", "anaconda.org channel to upload to"},
        {"label", "Label on the channel"},
        {"patch", "Patch for __init__.py (timestamps the deployment)"},
    };
    for (const auto &[name, description] : inputs) {
        block += "      " + QByteArray(name) + ":\n        description: '" + description +
            "'\n        required: true\n        type: string\n";
    }
    return block;
}

enum class Flavour { Printf, Raw };

QByteArray deployYaml(Flavour flavour)
{
    const bool raw = flavour == Flavour::Raw;
    QByteArray yaml = raw ? "name: Deploy C++ packages (raw patch)\n"
                            "run-name: Deploy ${{ inputs.recipe }} ${{ inputs.version }} build "
                            "${{ inputs.build }} to ${{ inputs.channel }}/${{ inputs.label }}\n\n"
                          : "name: Deploy C++ packages\n\n";
    yaml += "on:\n  workflow_dispatch:\n    inputs:\n" + inputsBlock();
    if (!raw) {
        // GitLab's trigger.py may send the same fields as a repository_dispatch client_payload.
        yaml += "  repository_dispatch:\n    types: [conda-build]\n";
    }
    yaml += "\nconcurrency:\n  group: ${{ github.workflow }}-${{ github.ref }}\n"
            "  cancel-in-progress: ";
    yaml += raw ? "false\n" : "true\n";
    yaml += R"(
jobs:
  prepare:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Validate inputs
        run: |
          test -d "recipes/${{ inputs.recipe }}"
          [[ "${{ inputs.build }}" =~ ^[0-9]+$ ]]

  build:
    needs: prepare
    runs-on: ${{ matrix.os }}
    strategy:
      fail-fast: false
      matrix:
        os: [ubuntu-latest, macos-14, windows-2022]
        python: ['3.12', '3.13']
        mpi: [mpich, msmpi]
        exclude:
          - os: ubuntu-latest
            mpi: msmpi
          - os: macos-14
            mpi: msmpi
          - os: windows-2022
            mpi: mpich
    defaults:
      run:
        shell: bash -el {0}
    steps:
      - uses: actions/checkout@v4
      - name: Download tarball
        run: |
          curl --fail --location --header "PRIVATE-TOKEN: ${{ secrets.GITLAB_PAT }}" \
            --output tarball.tar.bz2 '${{ inputs.url }}'
      - name: Verify checksum
        run: echo "${{ inputs.sha256 }}  tarball.tar.bz2" | sha256sum --strict --check
      - name: Unpack tarball
        run: tar -xjf tarball.tar.bz2
      - name: Write patch
        if: inputs.patch != ''
        working-directory: ${{ inputs.recipe }}
)";
    yaml += raw ? "        env:\n          PATCH: ${{ inputs.patch }}\n"
                  "        run: printf '%s' \"$PATCH\" > patch.diff\n"
                : "        run: printf '${{ inputs.patch }}' > patch.diff\n";
    yaml += R"yaml(      - name: Apply patch
        if: inputs.patch != ''
        working-directory: ${{ inputs.recipe }}
        run: git apply --verbose patch.diff
      - name: Set up Miniforge
        uses: conda-incubator/setup-miniconda@v3
        with:
          miniforge-version: latest
          python-version: ${{ matrix.python }}
          activate-environment: build
      - name: Configure recipe
        run: |
          sed -e "s/@VERSION@/${{ inputs.version }}/" -e "s/@BUILD@/${{ inputs.build }}/" \
            -e "s/@MPI@/${{ matrix.mpi }}/" "recipes/${{ inputs.recipe }}/meta.yaml.in" \
            > "recipes/${{ inputs.recipe }}/meta.yaml"
      - name: Build and upload with conda-build
        id: conda-build
        continue-on-error: true
        env:
          ANACONDA_API_TOKEN: ${{ secrets.ANACONDA_TOKEN }}
        run: |
          conda install --yes conda-build anaconda-client
          conda config --set anaconda_upload yes
          conda build "recipes/${{ inputs.recipe }}" --python ${{ matrix.python }} \
            --user ${{ inputs.channel }} --label ${{ inputs.label }} 2>&1 | tee conda-build.log
          status=${PIPESTATUS[0]}
          if [ "$status" -ne 0 ]; then
            echo "::error title=conda-build failed::$(grep -m1 -E 'error:|ERROR' conda-build.log)"
          fi
          exit "$status"
      - name: Write build summary
        if: always()
        run: |
          python .github/scripts/summary.py --outcome '${{ steps.conda-build.outcome }}' \
            --os ${{ matrix.os }} --python ${{ matrix.python }} --mpi ${{ matrix.mpi }} \
            > summary.json
      - name: Upload build summary
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: build_summary-${{ matrix.os }}_${{ matrix.python }}_${{ matrix.mpi }}
          path: summary.json
          retention-days: 1

  summary:
    needs: build
    if: always()
    runs-on: ubuntu-latest
    steps:
      - name: Download build summaries
        uses: actions/download-artifact@v4
        with:
          pattern: build_summary-*
      - name: Summarize builds
        run: cat build_summary-*/summary.json
)yaml";
    return yaml;
}

}  // namespace

QByteArray deployCxxWorkflowYaml()
{
    return deployYaml(Flavour::Printf);
}

QByteArray deployRawWorkflowYaml()
{
    return deployYaml(Flavour::Raw);
}

QByteArray lintWorkflowYaml()
{
    return R"(name: Lint recipes

on:
  push:
    branches: [main, dev]
  pull_request:

jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Lint recipes
        run: pipx run conda-smithy recipe-lint recipes/*
)"_ba;
}

QHash<QString, QByteArray> demoRecipesRepositoryFiles(const QString &recipe)
{
    const QByteArray name = recipe.toUtf8();
    return {
        {u".github/workflows/deploy-cxx.yml"_s, deployCxxWorkflowYaml()},
        {u".github/workflows/deploy-raw.yml"_s, deployRawWorkflowYaml()},
        {u".github/workflows/lint.yml"_s, lintWorkflowYaml()},
        {u"README.md"_s, "# meta-vlx\n\nconda recipes and the workflows that build them.\n"_ba},
        {u"recipes/"_s + recipe + u"/meta.yaml.in"_s,
         "package:\n  name: " + name + "\n  version: \"@VERSION@\"\n\nsource:\n  path: ../../" +
             name +
             "\n\nbuild:\n  number: @BUILD@\n  string: py{{ CONDA_PY }}h{{ PKG_HASH }}_@BUILD@\n"},
    };
}

}  // namespace rc::sandbox
