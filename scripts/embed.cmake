# Turns a file into a C array, so the binary carries its hook scripts and
# `airunner hooks install` needs no data files beside it.
#   cmake -DIN=hooks/pre-commit -DOUT=x.c -DNAME=hooks_pre_commit_script -P embed.cmake
# IN may name several files, separated by '|': they are concatenated.
string(REPLACE "|" ";" files "${IN}")
set(hex "")
foreach(in ${files})
  file(READ ${in} part HEX)
  if(hex)
    string(APPEND hex "0a")
  endif()
  string(APPEND hex "${part}")
endforeach()
string(REGEX REPLACE "(..)" "0x\\1," bytes "${hex}")
file(WRITE ${OUT}
  "/* Generated from ${IN} by scripts/embed.cmake; do not edit. */\n"
  "#include <stddef.h>\n"
  "const char ${NAME}[] = {${bytes}0};\n"
  "const size_t ${NAME}_len = sizeof(${NAME}) - 1;\n")
