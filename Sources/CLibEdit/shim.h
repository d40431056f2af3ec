// Non-variadic wrappers around libedit's variadic el_set/el_get/history calls,
// which Swift cannot call directly. One function per operation newsq uses.
#ifndef NEWSQ_CLIBEDIT_SHIM_H
#define NEWSQ_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stddef.h>

typedef char *(*newsq_prompt_fn)(EditLine *);
typedef unsigned char (*newsq_el_fn)(EditLine *, int);

static inline int newsq_el_set_prompt(EditLine *el, newsq_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}

static inline int newsq_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int newsq_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int newsq_el_set_hist(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int newsq_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *newsq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/// Binds `key` (e.g. "^I", "^R") to the named editor function.
static inline int newsq_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}

/// Adds a user editor function under `name`.
static inline int newsq_el_addfn(EditLine *el, const char *name, const char *help, newsq_el_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// `stty`-like change of the editing-mode terminal settings, e.g. ("-d", "-isig").
static inline int newsq_el_setty(EditLine *el, const char *mode, const char *flag) {
    return el_set(el, EL_SETTY, mode, flag, NULL);
}

/// 0: put the terminal in cooked mode; 1: back to the editor's raw mode.
static inline int newsq_el_prep_term(EditLine *el, int raw) {
    return el_set(el, EL_PREP_TERM, raw);
}

/// Asks for the prompt and line to be redrawn.
static inline int newsq_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

static inline int newsq_history_setsize(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}

static inline int newsq_history_setunique(History *h, HistEvent *ev, int on) {
    return history(h, ev, H_SETUNIQUE, on);
}

static inline int newsq_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}

static inline int newsq_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}

static inline int newsq_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}

static inline int newsq_history_first(History *h, HistEvent *ev) {
    return history(h, ev, H_FIRST);
}

static inline int newsq_history_last(History *h, HistEvent *ev) {
    return history(h, ev, H_LAST);
}

static inline int newsq_history_prev(History *h, HistEvent *ev) {
    return history(h, ev, H_PREV);
}

static inline int newsq_history_next(History *h, HistEvent *ev) {
    return history(h, ev, H_NEXT);
}

#endif
