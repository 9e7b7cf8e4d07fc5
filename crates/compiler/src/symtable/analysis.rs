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
pub(super) fn analyze(table: &mut SymbolTable, filename: &str) -> Result<(), Box<SymtableError>> {
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
#[inline(never)]
fn error_at_directive(
    table: &SymbolTable,
    filename: &str,
    id: EntryId,
    name: &str,
    msg: String,
) -> Box<SymtableError> {
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
) -> Result<(), Box<SymtableError>> {
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

/// The sets `analyze_block` works with, boxed so that the recursion over nested
/// blocks keeps small frames.
#[derive(Default)]
struct BlockSets {
    /// Names bound in this block.
    local: NameSet,
    /// The scope decided for each name.
    scopes: HashMap<String, Scope>,
    /// What children see as `global`, `bound`, and what they return as `free`.
    newglobal: NameSet,
    newbound: NameSet,
    newfree: NameSet,
    /// Free names collected from all children.
    allfree: NameSet,
}

/// `analyze_block`. Only the loop over children is in the recursive frame; the
/// work before and after is in [`analyze_names`] and [`finish_block`].
fn analyze_block(
    table: &mut SymbolTable,
    filename: &str,
    id: EntryId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), Box<SymtableError>> {
    let mut sets = analyze_names(table, filename, id, bound.as_deref_mut(), free, global)?;
    // Analyse children with copies of the sets; collect their free names.
    let children = table.entries[id].children.clone();
    for child in children {
        let BlockSets {
            newbound,
            newfree,
            newglobal,
            allfree,
            ..
        } = &mut *sets;
        analyze_child_block(
            table, filename, child, newbound, newfree, newglobal, allfree,
        )?;
        let c = &table.entries[child];
        if c.free || c.child_free {
            table.entries[id].child_free = true;
        }
    }
    finish_block(table, id, sets, bound.as_deref(), free);
    Ok(())
}

/// The first half of `analyze_block`: decide the scope of the block's own names and
/// prepare the sets its children see.
#[inline(never)]
fn analyze_names(
    table: &mut SymbolTable,
    filename: &str,
    id: EntryId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<Box<BlockSets>, Box<SymtableError>> {
    let block_type = table.entries[id].block_type;
    let mut sets = Box::<BlockSets>::default();

    // Class bindings are invisible to nested blocks: hand down what the class
    // itself saw, before analysing its names.
    if block_type == BlockType::Class {
        sets.newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            sets.newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(String, u32)> = table.entries[id].symbols.clone();
    for (name, flags) in &symbols {
        let BlockSets { local, scopes, .. } = &mut *sets;
        analyze_name(
            table,
            filename,
            id,
            scopes,
            name,
            *flags,
            bound.as_deref_mut(),
            local,
            free,
            global,
        )?;
    }

    if block_type != BlockType::Class {
        let BlockSets {
            local,
            newbound,
            newglobal,
            ..
        } = &mut *sets;
        if block_type == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        // Methods see the class's implicit `__class__` cell.
        sets.newbound.insert("__class__".to_owned());
    }
    Ok(sets)
}

/// The second half of `analyze_block`, once the children are done: cells, the class
/// cell, and the final flags.
#[inline(never)]
fn finish_block(
    table: &mut SymbolTable,
    id: EntryId,
    mut sets: Box<BlockSets>,
    bound: Option<&NameSet>,
    free: &mut NameSet,
) {
    let block_type = table.entries[id].block_type;
    let BlockSets {
        scopes,
        newfree,
        allfree,
        ..
    } = &mut *sets;
    newfree.extend(std::mem::take(allfree));

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
        scopes,
        bound,
        newfree,
        block_type == BlockType::Class,
    );
    free.extend(std::mem::take(newfree));
}

/// `analyze_child_block`: analyse `child` with its own copies of the sets, adding
/// the names it leaves free to `child_free`.
#[inline(never)]
fn analyze_child_block(
    table: &mut SymbolTable,
    filename: &str,
    child: EntryId,
    bound: &NameSet,
    free: &NameSet,
    global: &NameSet,
    child_free: &mut NameSet,
) -> Result<(), Box<SymtableError>> {
    let mut temp = copy_sets(bound, free, global);
    let (temp_bound, temp_free, temp_global) = &mut *temp;
    analyze_block(
        table,
        filename,
        child,
        Some(temp_bound),
        temp_free,
        temp_global,
    )?;
    child_free.extend(std::mem::take(temp_free));
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

/// Copies of the parent's sets for one child, on the heap.
#[inline(never)]
fn copy_sets(
    bound: &NameSet,
    free: &NameSet,
    global: &NameSet,
) -> Box<(NameSet, NameSet, NameSet)> {
    Box::new((bound.clone(), free.clone(), global.clone()))
}
