
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/check.c" "CMakeFiles/sjcore.dir/src/check.c.o" "gcc" "CMakeFiles/sjcore.dir/src/check.c.o.d"
  "/work/main/src/decode.c" "CMakeFiles/sjcore.dir/src/decode.c.o" "gcc" "CMakeFiles/sjcore.dir/src/decode.c.o.d"
  "/work/main/src/doc.c" "CMakeFiles/sjcore.dir/src/doc.c.o" "gcc" "CMakeFiles/sjcore.dir/src/doc.c.o.d"
  "/work/main/src/extract.c" "CMakeFiles/sjcore.dir/src/extract.c.o" "gcc" "CMakeFiles/sjcore.dir/src/extract.c.o.d"
  "/work/main/src/normalize.c" "CMakeFiles/sjcore.dir/src/normalize.c.o" "gcc" "CMakeFiles/sjcore.dir/src/normalize.c.o.d"
  "/work/main/src/number.c" "CMakeFiles/sjcore.dir/src/number.c.o" "gcc" "CMakeFiles/sjcore.dir/src/number.c.o.d"
  "/work/main/src/parse.c" "CMakeFiles/sjcore.dir/src/parse.c.o" "gcc" "CMakeFiles/sjcore.dir/src/parse.c.o.d"
  "/work/main/src/report.c" "CMakeFiles/sjcore.dir/src/report.c.o" "gcc" "CMakeFiles/sjcore.dir/src/report.c.o.d"
  "/work/main/src/report_findings.c" "CMakeFiles/sjcore.dir/src/report_findings.c.o" "gcc" "CMakeFiles/sjcore.dir/src/report_findings.c.o.d"
  "/work/main/src/rules.c" "CMakeFiles/sjcore.dir/src/rules.c.o" "gcc" "CMakeFiles/sjcore.dir/src/rules.c.o.d"
  "/work/main/src/scan.c" "CMakeFiles/sjcore.dir/src/scan.c.o" "gcc" "CMakeFiles/sjcore.dir/src/scan.c.o.d"
  "/work/main/src/util.c" "CMakeFiles/sjcore.dir/src/util.c.o" "gcc" "CMakeFiles/sjcore.dir/src/util.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
