# Shared by the benchmark scripts (sourced, never run): where Adult is, the benchmark jar, and the Python
# reference CTGAN's interpreter and sources. Each function exits with status 2 and a message naming the
# fix when what it needs is missing. Expects $root, the checkout's root.

# Prints the path of Adult in ../shared/data.
adult_csv() {
  local data="$root/../shared/data/adult.csv"
  [ -f "$data" ] || { echo "adult.csv not found at $data: put the shared data beside the checkout" >&2; exit 2; }
  echo "$data"
}

# Builds the benchmarks module (and what it needs) unless its jar is there.
ensure_benchmarks_built() {
  if ! ls "$root"/benchmarks/target/shifter-benchmarks-*.jar >/dev/null 2>&1; then
    echo "building benchmarks..." >&2
    (cd "$root" && mvn -B -q -DskipTests install -pl benchmarks -am) >&2
  fi
}

# Prints a python3 that has Debian's torch, sklearn, pandas, scipy, tqdm, psutil and faker.
reference_python() {
  local candidate
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import torch, sklearn, pandas, scipy, tqdm, psutil, faker' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
  echo "no python3 with torch, sklearn, pandas, scipy, tqdm, psutil and faker: apt-get install" \
    "python3-torch python3-sklearn python3-pandas python3-scipy python3-tqdm python3-psutil python3-fake-factory" >&2
  exit 2
}

# Makes sure DIR holds the reference's ctgan/ and rdt/ trees (CTGAN v0.7.5, RDT v1.6.1), taken from the
# mirrors in ../.mirror or cloned from GitHub; read and run, never copied into the project.
reference_sources() {  # DIR CLONE_DIR
  local src=$1 clones=$2 spec repo tag dir git_dir
  [ -d "$src/ctgan" ] && [ -d "$src/rdt" ] && return
  mkdir -p "$src"
  for spec in CTGAN:v0.7.5:ctgan RDT:v1.6.1:rdt; do
    IFS=: read -r repo tag dir <<< "$spec"
    git_dir="$root/../.mirror/sdv-dev+$repo/repo"
    if [ ! -d "$git_dir" ]; then
      git_dir="$clones/$repo.git"
      [ -d "$git_dir" ] || git clone -q --bare "https://github.com/sdv-dev/$repo" "$git_dir"
    fi
    git --git-dir="$git_dir" archive "$tag" "$dir" | tar -x -C "$src"
  done
}

# Sets data (Adult), python (reference_python) and src (the reference's sources, REFERENCE_SRC or
# OUT/reference-src) for the side-by-side scripts, and makes OUT.
reference_setup() {  # OUT
  mkdir -p "$1"
  data=$(adult_csv)
  python=$(reference_python)
  src=${REFERENCE_SRC:-"$1/reference-src"}
  reference_sources "$src" "$1"
}
