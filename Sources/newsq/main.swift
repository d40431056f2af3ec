#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(Shell.main(arguments: Array(CommandLine.arguments.dropFirst())))
