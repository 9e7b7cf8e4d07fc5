//! Second pass of the symbol table: resolve each name's scope (CPython's
//! `symtable_analyze`, `analyze_block`, `analyze_name`, `analyze_cells`,
//! `drop_class_free`, `update_symbols`).
//!
//! Each block is analysed with three sets handed down from its parent: `bound`, the
//! names bound in enclosing function blocks (absent for the module); `global`, the
//! names declared global in enclosing blocks; and `free`, which collects the names
//! this block and its children use free. A function's local that a child uses free
//! becomes a `CELL`; a class drops `__class__` from the free set and notes that it
//! needs the implicit `__class__` cell.
//!
//! The recursion here follows block nesting, which the first pass has already bounded
//! by the recursion limit.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::builder::syntax_error;
use super::{
    BlockType, EntryId, Scope, SymbolTable, SymtableError, DEF_BOUND, DEF_FREE_CLASS, DEF_GLOBAL,
    DEF_NONLOCAL, SCOPE_OFFSET,
};

type NameSet = HashSet<String>;

/// Run the second pass over the whole table.
pub(super) fn analyze(table: &mut SymbolTable, filename: &str) -> Result<(), SymtableError> {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    analyze_block(
        table,
        filename,
        SymbolTable::TOP,
        None,
        &mut free,
        &mut global,
    )
}

/// `error_at_directive`: the error points at the first `global`/`nonlocal` statement
/// (or lifted walrus target) that named `name` in the block.
#[cold]
fn error_at_directive(
    table: &SymbolTable,
    filename: &str,
    id: EntryId,
    name: &str,
    msg: String,
) -> SymtableError {
    let entry = &table.entries[id];
    let loc = entry
        .directives
        .iter()
        .find(|(n, _)| n == name)
        .map_or(entry.loc, |(_, loc)| *loc);
    syntax_error(filename, msg, loc)
}

/// `analyze_name`: decide the scope of one name from its flags.
#[allow(clippy::too_many_arguments)]
fn analyze_name(
    table: &mut SymbolTable,
    filename: &str,
    id: EntryId,
    scopes: &mut HashMap<String, Scope>,
    name: &str,
    flags: u32,
    bound: Option<&mut NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), SymtableError> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            let msg = format!("name '{name}' is nonlocal and global");
            return Err(error_at_directive(table, filename, id, name, msg));
        }
        scopes.insert(name.to_owned(), Scope::GlobalExplicit);
        global.insert(name.to_owned());
        if let Some(bound) = bound {
            bound.remove(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            let msg = "nonlocal declaration not allowed at module level".to_owned();
            return Err(error_at_directive(table, filename, id, name, msg));
        };
        if !bound.contains(name) {
            let msg = format!("no binding for nonlocal '{name}' found");
            return Err(error_at_directive(table, filename, id, name, msg));
        }
        scopes.insert(name.to_owned(), Scope::Free);
        table.entries[id].free = true;
        free.insert(name.to_owned());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_owned(), Scope::Local);
        local.insert(name.to_owned());
        global.remove(name);
        return Ok(());
    }
    // Bound in an enclosing function: free here. (A bound set implies nesting.)
    if bound.is_some_and(|b| b.contains(name)) {
        scopes.insert(name.to_owned(), Scope::Free);
        table.entries[id].free = true;
        free.insert(name.to_owned());
        return Ok(());
    }
    // Declared global in an enclosing block, or not bound anywhere: a global or a
    // builtin, looked up implicitly.
    if !global.contains(name) && table.entries[id].nested {
        table.entries[id].free = true;
    }
    scopes.insert(name.to_owned(), Scope::GlobalImplicit);
    Ok(())
}

/// `analyze_block`.
fn analyze_block(
    table: &mut SymbolTable,
    filename: &str,
    id: EntryId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), SymtableError> {
    let block_type = table.entries[id].block_type;
    let mut local = NameSet::new();
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();

    // Class bindings are invisible to nested blocks: hand down what the class
    // itself saw, before analysing its names.
    if block_type == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(String, u32)> = table.entries[id].symbols.clone();
    for (name, flags) in &symbols {
        analyze_name(
            table,
            filename,
            id,
            &mut scopes,
            name,
            *flags,
            bound.as_deref_mut(),
            &mut local,
            free,
            global,
        )?;
    }

    if block_type != BlockType::Class {
        if block_type == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        // Methods see the class's implicit `__class__` cell.
        newbound.insert("__class__".to_owned());
    }

    // Analyse children with copies of the sets; collect their free names.
    let mut allfree = NameSet::new();
    let children = table.entries[id].children.clone();
    for child in children {
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        analyze_block(
            table,
            filename,
            child,
            Some(&mut temp_bound),
            &mut temp_free,
            &mut temp_global,
        )?;
        allfree.extend(temp_free);
        let c = &table.entries[child];
        if c.free || c.child_free {
            table.entries[id].child_free = true;
        }
    }
    newfree.extend(allfree);

    match block_type {
        // `analyze_cells`: locals that children use free become cells.
        BlockType::Function => {
            for (name, scope) in scopes.iter_mut() {
                if *scope == Scope::Local && newfree.remove(name) {
                    *scope = Scope::Cell;
                }
            }
        }
        // `drop_class_free`.
        BlockType::Class => {
            if newfree.remove("__class__") {
                table.entries[id].needs_class_closure = true;
            }
        }
        BlockType::Module | BlockType::Annotation => {}
    }

    update_symbols(
        table,
        id,
        &scopes,
        bound.as_deref(),
        &newfree,
        block_type == BlockType::Class,
    );
    free.extend(newfree);
    Ok(())
}

/// `update_symbols`: store each name's scope in its flags, and add names free in
/// children but unknown here as `FREE` (so the closure can pass them through).
fn update_symbols(
    table: &mut SymbolTable,
    id: EntryId,
    scopes: &HashMap<String, Scope>,
    bound: Option<&NameSet>,
    free: &NameSet,
    classflag: bool,
) {
    let entry = &mut table.entries[id];
    for (name, flags) in entry.symbols.iter_mut() {
        if let Some(scope) = scopes.get(name) {
            *flags |= (*scope as u32) << SCOPE_OFFSET;
        }
    }
    // Sorted, so the order of added names does not depend on hashing (CPython's
    // depends on string hashes; nothing relies on it).
    let free: BTreeSet<&String> = free.iter().collect();
    for name in free {
        let v = entry.flags(name);
        if entry.index.contains_key(name.as_str()) {
            // A method's free variable that the class also binds or declares global.
            if classflag && v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                entry.set_flags(name, v | DEF_FREE_CLASS);
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name.as_str())) {
            continue; // a global
        }
        entry.set_flags(name, (Scope::Free as u32) << SCOPE_OFFSET);
    }
}
