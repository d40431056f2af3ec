// SQLite 3 (Debian's libsqlite3-dev, with FTS5), for the FTS5 differential test only.
#include <sqlite3.h>
