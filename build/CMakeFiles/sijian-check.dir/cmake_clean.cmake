file(REMOVE_RECURSE
  "CMakeFiles/sijian-check.dir/src/main.c.o"
  "CMakeFiles/sijian-check.dir/src/main.c.o.d"
  "sijian-check"
  "sijian-check.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/sijian-check.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
