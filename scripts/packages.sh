# The Debian packages pia needs, in one place; sourced by the set-up scripts and .ci/run.
# (Package names are Debian 12's; Ubuntu 22.04 and later use the same ones.)

# To build: the C libraries pia links (headers and pkg-config files) and the diagram's font.
BUILD_PACKAGES=(pkg-config libxml2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libgraphviz-dev fonts-dejavu-core)

# For PDF output (pia render --format pdf, pia convert -o FILE.pdf) and for checking PDFs
# (pia check-accessibility FILE.pdf); Carlito stands in for Calibri, the documents' font.
PDF_PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito)

# To run a release build (scripts/release.sh) without a Swift toolchain: the shared libraries
# bin/pia loads, and the diagram's font. Add PDF_PACKAGES for PDF output.
RUNTIME_PACKAGES=(libxml2 zlib1g libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6
  libgvc6 fonts-dejavu-core)
