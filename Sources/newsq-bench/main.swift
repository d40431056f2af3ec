// The in-process benchmark; being written.
print("newsq-bench: not built yet")
