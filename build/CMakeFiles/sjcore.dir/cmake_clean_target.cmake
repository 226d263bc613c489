file(REMOVE_RECURSE
  "libsjcore.a"
)
