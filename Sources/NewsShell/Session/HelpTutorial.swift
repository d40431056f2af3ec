import NewsQuery

/// Longer help for the dot-commands that need more than their one-line summary
/// (`.help tutorial`, `.help pager`).
extension Help {
    static let commandDetails: [String: String] = [
        "tutorial": """
            A lesson is a few tasks ("Find the articles that quote Lo Chih-cheng"). Type
            any statement at the prompt: it is checked by the rows it gives, not by how
            it is written (the same rows as the lesson's answer, in any order unless the
            task says the order matters, with at least the columns the task asks for),
            and the shell says what is right and what is not. After two misses a hint
            comes by itself. Other statements and dot-commands work as usual meanwhile.

              .tutorial            go on where you were (progress is kept in ~/.newsq_tutorial)
              .tutorial list       the lessons, with your progress
              .tutorial NAME       start (or go back to) a lesson: by name, file name or number
              .tutorial FOLDER/    use the .lesson files of FOLDER (as newsq --tutorial FOLDER)
              .hint                a hint for the task in hand
              .tutorial answer     show an answer
              .tutorial skip       leave the task for the next one
              .tutorial stop       leave the lesson (.tutorial comes back to it)
              .tutorial reset      forget the progress of these lessons

            The built-in lessons are written for the sample corpus, one per topic of
            examples/workshop/. A teacher writes lessons for their own corpus as plain
            files: examples/workshop/README.md shows the format.
            """,
        "pager": """
            At an interactive terminal, a result taller than the screen is shown through
            $PAGER (less -FRX when it is not set: q leaves it, and Ctrl-C too). Output to
            a pipe or file, -c, -f and scripts are never paged. A pager that cannot run
            is skipped with a note, and the output is shown as it is.
            """,
    ]
}
