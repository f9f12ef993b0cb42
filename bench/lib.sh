# Shared by the bench scripts (sourced, not run).

# write_section NAME TEXT: puts TEXT (which carries its own <!-- NAME:start/end --> markers) into
# docs/benchmarks.md, replacing the section of that name or appending it.
write_section() {
  local name="$1" section="$2" doc=docs/benchmarks.md
  [ -f "$doc" ] || printf '# Benchmarks\n\nFigures written by the commands shown with them. Machines are noisy: medians of several runs.\n' > "$doc"
  if grep -q "<!-- $name:start -->" "$doc"; then
    awk -v section="$section" -v start="<!-- $name:start -->" -v end="<!-- $name:end -->" '
      $0 == start {print section; skip=1; next}
      $0 == end {skip=0; next}
      !skip {print}' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  else
    printf '\n%s\n' "$section" >> "$doc"
  fi
  echo "bench: wrote the $name section of $doc" >&2
}

# median N...: the middle value (the upper one of two) of whole numbers.
median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
