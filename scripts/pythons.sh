# Sourced by scripts/lock and .ci/run: the Python versions trkmono supports and where to find each.
# The lowest is requires-python's bound in pyproject.toml (a test keeps the two equal); the
# README says "3.10 or newer".

SUPPORTED="3.10 3.11 3.12 3.13"

# find_python VERSION: the path of an interpreter of that minor version (python3.X on PATH, else
# one installed by pyenv); fails, naming the version, when there is none.
find_python() {
    local version="$1" candidate
    for candidate in "$(command -v "python$version" || true)" \
                     "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version"; do
        if [ -x "$candidate" ] && "$candidate" -c 'import sys; assert "%d.%d" % sys.version_info[:2] == sys.argv[1]' \
                "$version" 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "no Python $version found (python$version on PATH or under pyenv); install it first" >&2
    return 1
}
