//! Heap objects: the header every object starts with, the owned reference
//! [`ObjRef`] (clone = incref, drop = decref), allocation and deterministic
//! deallocation, the cycle collector's intrusive object list, and the
//! [`Token`]/[`PyCell`] pair that gives payloads panic-free interior mutability.
//!
//! This is one of the VM's few core files allowed to use `unsafe`; every block has a
//! `// SAFETY:` comment and is listed in `docs/internals/unsafe.md`. The layout and
//! the reasons for it are in `docs/internals/memory.md`.
//!
//! Layout (CPython's `PyObject` + `PyGC_Head`, see `Include/object.h`):
//!
//! ```text
//!   [GcHead: prev, next, gc_refs]   only for container payloads (Payload::GC)
//!   [ObjHeader: refcnt, type]       <- an ObjRef points here
//!   [payload T]
//! ```

use std::any::TypeId;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::{align_of, offset_of, size_of};
use std::ptr::{self, NonNull};
use std::rc::{Rc, Weak};

use crate::builtins::object::Instance;
use crate::builtins::subclassed::Subclassed;
use crate::types::TypeObject;
use crate::value::Value;

// ---------------------------------------------------------------------------
// Token and PyCell: interior mutability without borrow flags.
// ---------------------------------------------------------------------------

thread_local! {
    /// Whether this thread's [`Token`] currently exists.
    static TOKEN_TAKEN: Cell<bool> = const { Cell::new(false) };
}

/// The permission to look inside [`PyCell`]s: at most one exists per thread.
///
/// Shared access to any cell needs `&Token`, exclusive access needs `&mut Token`,
/// so the borrow checker proves at compile time that no cell is read while another
/// is written, and that no borrow of an object's insides is held across a call that
/// can run Python code (every such call needs `&mut Token` too: ARCHITECTURE §4).
/// This replaces `RefCell`'s runtime borrow flag (and its panics) at no cost. The
/// interpreter will own the thread's token; CPython's counterpart is the GIL.
pub struct Token {
    _not_send: PhantomData<*mut ()>,
}

impl Token {
    /// Takes this thread's token; `None` if it is already taken (one interpreter per
    /// thread). The first acquisition on a thread creates its builtin types.
    pub fn acquire() -> Option<Token> {
        TOKEN_TAKEN.with(|t| {
            if t.get() {
                None
            } else {
                t.set(true);
                let mut token = Token {
                    _not_send: PhantomData,
                };
                crate::types::builtin::ensure_init(&mut token);
                Some(token)
            }
        })
    }
}

impl Drop for Token {
    fn drop(&mut self) {
        let _ = TOKEN_TAKEN.try_with(|t| t.set(false));
    }
}

/// A mutable part of an object's payload, readable with `&Token` and writable with
/// `&mut Token` (see [`Token`]).
///
/// The rule for writers: values removed from a cell are moved out and dropped after
/// the borrow ends where that is convenient; it is also sound to drop them inside,
/// because a destructor has no token and so can't reach any live cell.
pub struct PyCell<T> {
    value: UnsafeCell<T>,
}

impl<T> PyCell<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> PyCell<T> {
        PyCell {
            value: UnsafeCell::new(value),
        }
    }

    /// Shared access, for as long as the token is shared.
    #[inline(always)]
    pub fn borrow<'a>(&'a self, _token: &'a Token) -> &'a T {
        // SAFETY: a `&mut T` into any PyCell exists only while the thread's single
        // Token is mutably borrowed (`borrow_mut`) or while the cell itself is
        // exclusively borrowed (`get_mut`); both exclude this shared borrow of the
        // token resp. of `self` for 'a. PyCell is !Sync, so no other thread can reach
        // this cell, and Token is !Send, so no thread holds two tokens.
        unsafe { &*self.value.get() }
    }

    /// Exclusive access, for as long as the token is borrowed mutably.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn borrow_mut<'a>(&'a self, _token: &'a mut Token) -> &'a mut T {
        // SAFETY: see `borrow`: holding `&'a mut Token` excludes every other
        // `borrow`/`borrow_mut` on this thread for 'a, and `get_mut` needs `&mut self`
        // which cannot coexist with our `&'a self`.
        unsafe { &mut *self.value.get() }
    }

    /// Exclusive access through exclusive ownership (no token needed).
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }

    /// Unwraps the value.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T: Default> Default for PyCell<T> {
    fn default() -> Self {
        PyCell::new(T::default())
    }
}

// ---------------------------------------------------------------------------
// Payload kinds and per-payload layout.
// ---------------------------------------------------------------------------

/// Which Rust payload a type's instances carry (the "solid base" of CPython's
/// layout rules: two types whose instances have different payloads can't both be
/// bases of one class).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum PayloadKind {
    /// No payload: plain `object()` instances (and, for now, the unused heap layout
    /// of `float`, `bool` and `NoneType`, whose values are always inline).
    Object,
    /// [`TypeObject`]: `type` and every class.
    Type,
    /// A heap big int outside the inline range (`builtins::int::IntObj`).
    Int,
    /// `builtins::str::StrObj`.
    Str,
    /// `builtins::dict::Dict`.
    Dict,
    /// `builtins::tuple::Tuple`.
    Tuple,
    /// `builtins::list::List`.
    List,
    /// A payload defined outside this crate's builtins (tests, native modules).
    Other,
}

/// Finds the instance part of an object whose payload has one ([`Payload::INSTANCE`]).
pub type InstancePartFn = for<'a> fn(&'a ObjRef) -> Option<&'a Instance>;

/// The type-erased `Payload::traverse` of one payload type.
type TraverseFn = fn(&ObjRef, &Token, &mut dyn FnMut(&Value));

/// What deallocation and the cycle collector need to know about one payload type:
/// CPython's `tp_dealloc`, `tp_traverse`, `tp_clear` and `Py_TPFLAGS_HAVE_GC`.
pub struct Layout {
    /// The payload kind, for checked downcasts.
    pub kind: PayloadKind,
    /// Whether objects carry a [`GcHead`] and are tracked by the cycle collector.
    pub gc: bool,
    /// Frees an object whose reference count reached zero.
    dealloc: unsafe fn(NonNull<ObjHeader>),
    /// Visits the references an object holds.
    traverse: TraverseFn,
    /// Drops the references an object holds (to break a garbage cycle).
    clear: fn(&ObjRef, &mut Token),
    /// `TypeId` of the payload (exact checks: `ObjRef::new`, `Layout::is`).
    type_id: TypeId,
    /// `TypeId` of the payload a downcast may read at the object's payload address:
    /// the payload itself, or for a [`Subclassed<T>`] its base `T` (which is
    /// its first field, so it has the same address).
    base_type_id: TypeId,
    /// The layout of instances of Python classes derived from a type with this
    /// layout (CPython: the subtype's larger `tp_basicsize` with a dict slot).
    subclass: fn() -> &'static Layout,
    /// Finds the instance part (`__dict__` and `__slots__` storage) of an object
    /// with this layout; `None` for payloads without one.
    instance: Option<InstancePartFn>,
}

impl Layout {
    /// Whether this is the layout of payload `T`.
    #[inline]
    pub fn is<T: Payload>(&self) -> bool {
        self.type_id == TypeId::of::<T>()
    }

    /// Whether objects of this layout carry a `T` at their payload address (their
    /// payload is `T`, or a [`Subclassed<T>`]).
    #[inline]
    pub fn has_base<T: Payload>(&self) -> bool {
        self.base_type_id == TypeId::of::<T>()
    }

    /// Whether two layouts carry the same base payload (CPython's "same solid
    /// base" check for `__class__` assignment and multiple bases).
    pub fn same_base(&self, other: &Layout) -> bool {
        self.base_type_id == other.base_type_id
    }

    /// The layout for instances of Python subclasses of a type with this layout.
    pub fn subclass_layout(&self) -> &'static Layout {
        (self.subclass)()
    }

    /// Whether objects of this layout have an instance part (`__dict__` and
    /// `__slots__` storage: user instances and subclass-of-builtin instances).
    pub fn has_instance_part(&self) -> bool {
        self.instance.is_some()
    }
}

/// The layout of `T` itself (for [`Payload::SUBCLASS`] of payloads that need no
/// extra per-instance state in subclasses: they already have a `__dict__`).
pub fn same_layout<T: Payload>() -> &'static Layout {
    T::LAYOUT
}

/// The layout of `Subclassed<T>` (the default [`Payload::SUBCLASS`]).
pub fn subclassed_layout<T: Payload>() -> &'static Layout {
    <Subclassed<T> as Payload>::LAYOUT
}

/// A Rust type that can be the payload of a heap object.
pub trait Payload: Sized + 'static {
    /// The payload kind (checked by [`ObjRef::downcast`]).
    const KIND: PayloadKind;
    /// Whether this payload can hold references to other objects and so must take
    /// part in cycle collection (CPython's `Py_TPFLAGS_HAVE_GC`).
    const GC: bool;
    /// The payload a downcast may read at this payload's address (`Self`, or
    /// for [`Subclassed<T>`] its `T`).
    const BASE_TYPE_ID: TypeId = TypeId::of::<Self>();
    /// The layout of instances of Python subclasses: by default `Subclassed<Self>`
    /// (the payload plus an instance `__dict__`/slots part); [`same_layout`] for
    /// payloads that already have a `__dict__` (instances, exceptions, modules).
    const SUBCLASS: fn() -> &'static Layout = subclassed_layout::<Self>;
    /// Finds the instance part (`__dict__`, slots) of an object with this payload
    /// (`None`: the payload has none).
    const INSTANCE: Option<InstancePartFn> = None;
    /// The layout descriptor for this payload; don't override.
    const LAYOUT: &'static Layout = &Layout {
        kind: Self::KIND,
        gc: Self::GC,
        dealloc: dealloc_impl::<Self>,
        traverse: traverse_impl::<Self>,
        clear: clear_impl::<Self>,
        type_id: TypeId::of::<Self>(),
        base_type_id: Self::BASE_TYPE_ID,
        subclass: Self::SUBCLASS,
        instance: Self::INSTANCE,
    };

    /// Calls `visit` on every value this payload holds a reference to (CPython's
    /// `tp_traverse`). Containers must implement it; the default visits nothing.
    fn traverse(&self, _token: &Token, _visit: &mut dyn FnMut(&Value)) {}

    /// Drops every reference this payload holds, leaving it empty but valid
    /// (CPython's `tp_clear`); used by the cycle collector on garbage.
    fn clear(&self, _token: &mut Token) {}
}

// ---------------------------------------------------------------------------
// Header, GC head, allocation.
// ---------------------------------------------------------------------------

/// The header at the start of every heap object (CPython's `PyObject`): a
/// non-atomic reference count and a strong reference to the object's type.
#[repr(C)]
pub struct ObjHeader {
    refcnt: Cell<usize>,
    ty: Cell<NonNull<ObjHeader>>,
}

/// A header followed by its payload.
#[repr(C)]
struct PyObj<T> {
    header: ObjHeader,
    payload: T,
}

/// The cycle collector's per-object bookkeeping, just before the header of a
/// container object (CPython's `PyGC_Head`).
#[repr(C)]
pub struct GcHead {
    prev: Cell<*const GcHead>,
    next: Cell<*const GcHead>,
    gc_refs: Cell<isize>,
}

/// Low bit of [`GcHead::prev`]: the object has (or had) weak references
/// registered in this thread's weak-reference table (CPython keeps flags in the
/// low bits of `_gc_prev` the same way). Only GC objects can be weakly
/// referenced, so objects that never are pay nothing but this bit test when
/// freed.
const WEAKLY_REFERENCED: usize = 1;

impl GcHead {
    /// The previous node, without the flag bits.
    fn prev_node(&self) -> *const GcHead {
        let p = self.prev.get();
        p.wrapping_byte_sub(p.addr() & WEAKLY_REFERENCED)
    }

    /// Sets the previous node, keeping this node's flag bits.
    fn set_prev_keep_flags(&self, prev: *const GcHead) {
        let flags = self.prev.get().addr() & WEAKLY_REFERENCED;
        self.prev.set(prev.wrapping_byte_add(flags));
    }

    fn weakly_referenced(&self) -> bool {
        self.prev.get().addr() & WEAKLY_REFERENCED != 0
    }

    fn set_weakly_referenced(&self, on: bool) {
        let p = self.prev_node();
        self.prev
            .set(p.wrapping_byte_add(if on { WEAKLY_REFERENCED } else { 0 }));
    }
}

#[repr(C)]
struct GcBox<T> {
    gc: GcHead,
    obj: PyObj<T>,
}

/// Distance from a [`GcHead`] to the [`ObjHeader`] after it (same for every
/// payload, checked in `alloc`).
const GC_OFFSET: usize = size_of::<GcHead>();

thread_local! {
    /// Sentinel of this thread's list of GC-tracked objects (circular, doubly linked;
    /// null pointers until first use).
    static GC_LIST: GcHead = const {
        GcHead { prev: Cell::new(ptr::null()), next: Cell::new(ptr::null()), gc_refs: Cell::new(0) }
    };
    /// Number of GC-tracked objects alive on this thread.
    static GC_COUNT: Cell<usize> = const { Cell::new(0) };
    /// Nesting depth of deallocations in progress (CPython's trashcan).
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Objects whose deallocation was deferred to bound recursion, linked through
    /// their (dead, zero) reference-count field.
    static DEALLOC_PENDING: Cell<*const ObjHeader> = const { Cell::new(ptr::null()) };
}

/// Marks the reference count field of an object queued by the trashcan (the
/// field then holds the queue link; no real count or address has this bit).
const PENDING_MARK: usize = 1 << (usize::BITS - 1);

/// Deallocation nesting beyond which further frees are queued, so that freeing a
/// long chain (a million nested tuples) can't overflow the Rust stack.
const TRASHCAN_LIMIT: u32 = 64;

fn gc_list_sentinel(f: impl FnOnce(*const GcHead)) {
    GC_LIST.with(|head| {
        let h: *const GcHead = head;
        if head.next.get().is_null() {
            head.next.set(h);
            head.prev.set(h);
        }
        f(h)
    })
}

/// An owned (strong) reference to a heap object: clone increments the reference
/// count, drop decrements it and frees the object at zero (CPython's `Py_INCREF` /
/// `Py_DECREF`).
pub struct ObjRef {
    ptr: NonNull<ObjHeader>,
}

impl ObjRef {
    /// Allocates an object of type `ty` with reference count 1 (CPython's
    /// `tp_alloc` + initialization of the payload). If `ty` is a Python subclass
    /// of the builtin whose payload is `T`, the object gets a `Subclassed<T>`
    /// payload: `payload` plus an empty instance part sized for the class's
    /// `__slots__`.
    ///
    /// # Panics
    /// If `ty` is not a type whose instances carry a `T` payload. That is a bug in
    /// the Rust caller (Python code can't choose a payload type; constructors
    /// reachable with a user class check `is_subtype` first), and checking it
    /// here is what makes `downcast` and deallocation sound.
    #[track_caller]
    pub fn new<T: Payload>(ty: &ObjRef, payload: T) -> ObjRef {
        let is_type = ty.type_obj().layout().type_id == TypeId::of::<TypeObject>();
        // `ty.type_obj()` is sound even if `ty` isn't a type: every header's type
        // pointer is a type. Only now may we read `ty` as a TypeObject.
        assert!(is_type, "ObjRef::new: not a type object");
        let layout = ty.type_obj_unchecked().layout();
        if layout.type_id != TypeId::of::<T>() {
            return Self::new_subclassed(ty, payload);
        }
        let header = ObjHeader {
            refcnt: Cell::new(1),
            ty: Cell::new(ty.clone().into_raw()),
        };
        Self::alloc(header, payload)
    }

    /// [`ObjRef::new`] for an instance of a Python subclass of `T`'s builtin.
    #[cold]
    #[track_caller]
    fn new_subclassed<T: Payload>(ty: &ObjRef, payload: T) -> ObjRef {
        let t = ty.type_obj_unchecked();
        assert!(
            t.layout().type_id == TypeId::of::<Subclassed<T>>(),
            "ObjRef::new: payload does not match the type's instance layout"
        );
        let header = ObjHeader {
            refcnt: Cell::new(1),
            ty: Cell::new(ty.clone().into_raw()),
        };
        let inst = Instance::for_class(t);
        Self::alloc(
            header,
            Subclassed {
                base: payload,
                inst,
            },
        )
    }

    /// Allocates a type object whose type is itself (only `type` is like that).
    pub(crate) fn new_self_typed(payload: TypeObject) -> ObjRef {
        let header = ObjHeader {
            refcnt: Cell::new(2), // one for the returned reference, one for `ty`
            ty: Cell::new(NonNull::dangling()),
        };
        let obj = Self::alloc(header, payload);
        obj.header().ty.set(obj.ptr);
        obj
    }

    fn alloc<T: Payload>(header: ObjHeader, payload: T) -> ObjRef {
        const { assert!(align_of::<T>() <= align_of::<usize>()) };
        if T::GC {
            debug_assert_eq!(offset_of!(GcBox<T>, obj), GC_OFFSET);
            let b = Box::new(GcBox {
                gc: GcHead {
                    prev: Cell::new(ptr::null()),
                    next: Cell::new(ptr::null()),
                    gc_refs: Cell::new(0),
                },
                obj: PyObj { header, payload },
            });
            let raw = Box::into_raw(b);
            // SAFETY: `raw` is a fresh, valid allocation; we link its GcHead into this
            // thread's list, whose nodes are all live (nodes unlink in dealloc).
            unsafe {
                // A raw borrow keeps the whole allocation's provenance (the
                // collector steps from the GcHead to the header after it).
                let node: *const GcHead = &raw const (*raw).gc;
                gc_list_sentinel(|head| {
                    let first = (*head).next.get();
                    (*node).prev.set(head);
                    (*node).next.set(first);
                    (*first).set_prev_keep_flags(node);
                    (*head).next.set(node);
                });
                GC_COUNT.with(|c| c.set(c.get() + 1));
                ObjRef {
                    ptr: NonNull::new_unchecked(&raw mut (*raw).obj.header),
                }
            }
        } else {
            let raw = Box::into_raw(Box::new(PyObj { header, payload }));
            // SAFETY: Box::into_raw never returns null.
            ObjRef {
                ptr: unsafe { NonNull::new_unchecked(&raw mut (*raw).header) },
            }
        }
    }

    #[inline(always)]
    fn header(&self) -> &ObjHeader {
        // SAFETY: an ObjRef owns a reference, so the object is alive for &self.
        unsafe { self.ptr.as_ref() }
    }

    /// Gives up ownership without decrementing (CPython's "steal").
    fn into_raw(self) -> NonNull<ObjHeader> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    /// The current reference count (`sys.getrefcount` minus its argument).
    pub fn refcount(&self) -> usize {
        self.header().refcnt.get()
    }

    /// The object's address, which is its `id()`.
    #[inline(always)]
    pub fn id(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// Identity (Python's `is`).
    #[inline(always)]
    pub fn is(&self, other: &ObjRef) -> bool {
        self.ptr == other.ptr
    }

    /// A new reference to the object's type (`type(obj)`).
    pub fn type_ref(&self) -> ObjRef {
        let p = self.header().ty.get();
        // SAFETY: the type pointer is a strong reference held by the object, so it
        // points to a live object; we take a new reference before wrapping it.
        unsafe {
            let h = p.as_ref();
            h.refcnt.set(h.refcnt.get() + 1);
        }
        ObjRef { ptr: p }
    }

    /// The object's type, borrowed for as long as the object is.
    #[inline(always)]
    pub fn type_obj(&self) -> &TypeObject {
        let p = self.header().ty.get();
        // SAFETY: the object holds a strong reference to its type, which therefore
        // outlives &self; every type object's payload is a TypeObject (types are
        // only created by ObjRef::new::<TypeObject> or new_self_typed).
        unsafe { &(*(p.as_ptr() as *const PyObj<TypeObject>)).payload }
    }

    /// `self` read as a type object: only after checking that it is one.
    fn type_obj_unchecked(&self) -> &TypeObject {
        // SAFETY: callers check that self's type layout is TypeObject's, so the
        // payload is a TypeObject; it lives as long as &self.
        unsafe { &(*(self.ptr.as_ptr() as *const PyObj<TypeObject>)).payload }
    }

    /// Whether the type's address is `ty`'s (exact type check, `type(o) is T`).
    #[inline(always)]
    pub fn type_is(&self, ty: &ObjRef) -> bool {
        self.header().ty.get() == ty.ptr
    }

    /// The payload if it is a `T`, for a subclass instance too (whose payload is a
    /// `Subclassed<T>` starting with the `T`). One compare, as before subclasses
    /// had their own payload.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        let layout = self.type_obj().layout();
        if layout.base_type_id == TypeId::of::<T>() {
            // SAFETY: the type's layout says its instances carry a `T` payload, or a
            // `Subclassed<T>` (`#[repr(C)]`, `T` first) whose `T` lies at the same
            // address: both payloads start at the same offset after the header
            // because both are aligned to at most `usize` (asserted in `alloc`).
            // `ObjRef::new` checks that every object's payload matches its type's
            // layout, and the reference lives as long as &self.
            Some(unsafe { &(*(self.ptr.as_ptr() as *const PyObj<T>)).payload })
        } else {
            None
        }
    }

    /// The payload if it is exactly a `T` (not a `Subclassed<T>`).
    #[inline(always)]
    pub fn downcast_exact<T: Payload>(&self) -> Option<&T> {
        let layout = self.type_obj().layout();
        if layout.type_id == TypeId::of::<T>() {
            // SAFETY: the type's layout says its instances carry exactly a `T`
            // payload (checked by `ObjRef::new`); it lives as long as &self.
            Some(unsafe { &(*(self.ptr.as_ptr() as *const PyObj<T>)).payload })
        } else {
            None
        }
    }

    /// The instance part (`__dict__`, `__slots__` values) of a user-class
    /// instance or of a subclass-of-builtin instance; `None` for other objects.
    #[inline]
    pub fn instance_part(&self) -> Option<&Instance> {
        match self.type_obj().layout().instance {
            Some(f) => f(self),
            None => None,
        }
    }

    /// Changes the object's type to `new_ty` (`obj.__class__ = C`), if `new_ty` is
    /// a type whose instances have exactly this object's payload layout; returns
    /// whether it did. Callers check CPython's other compatibility rules (slots,
    /// `__dict__`) first.
    pub fn set_type(&self, new_ty: &ObjRef) -> bool {
        let is_type = new_ty.type_obj().layout().type_id == TypeId::of::<TypeObject>();
        if !is_type {
            return false;
        }
        let new_layout = new_ty.type_obj_unchecked().layout();
        if !ptr::eq(new_layout, self.type_obj().layout())
            && new_layout.type_id != self.type_obj().layout().type_id
        {
            return false;
        }
        let old = self.header().ty.replace(new_ty.clone().into_raw());
        // The object held a strong reference to its old type. A caller up the
        // stack may still borrow that type through `type_obj()` of this object,
        // so the reference is released at the VM's next safe point (with the
        // finalizer queue), never here.
        let old = ObjRef { ptr: old };
        if let Err(old) = defer_release(old) {
            // Thread teardown: keeping the type alive is always sound.
            std::mem::forget(old);
        }
        true
    }

    /// Calls the payload's `traverse` (CPython's `tp_traverse`).
    pub fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        (self.type_obj().layout().traverse)(self, token, visit)
    }

    /// Whether the object is tracked by the cycle collector.
    pub fn is_gc(&self) -> bool {
        self.type_obj().layout().gc
    }

    fn gc_head(&self) -> &GcHead {
        debug_assert!(self.is_gc());
        // SAFETY: only called on GC-tracked objects (see gc_head_of).
        unsafe { gc_head_of(self.ptr) }
    }
}

/// The [`GcHead`] before a GC object's header.
///
/// # Safety
/// `p` must be a GC object (its type's layout has `gc`), allocated as a GcBox
/// whose GcHead lies GC_OFFSET bytes before the header, and stay allocated for
/// the returned lifetime.
unsafe fn gc_head_of<'a>(p: NonNull<ObjHeader>) -> &'a GcHead {
    // SAFETY: guaranteed by the caller.
    unsafe { &*((p.as_ptr() as *const u8).sub(GC_OFFSET) as *const GcHead) }
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> ObjRef {
        let h = self.header();
        h.refcnt.set(h.refcnt.get() + 1);
        ObjRef { ptr: self.ptr }
    }
}

impl Drop for ObjRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        if n == 0 {
            release(self.ptr);
        }
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<object at {:#x}>", self.id())
    }
}

/// Frees an object whose count just reached zero, or queues it if deallocations are
/// already nested deeply (CPython's trashcan, `Py_TRASHCAN_BEGIN`).
#[inline(never)]
fn release(p: NonNull<ObjHeader>) {
    let depth = DEALLOC_DEPTH.with(Cell::get);
    if depth >= TRASHCAN_LIMIT {
        DEALLOC_PENDING.with(|pending| {
            // SAFETY: the object is dead (count 0) and not yet freed; its refcnt
            // field is unused until dealloc, so it can hold the queue link, marked
            // with PENDING_MARK so nothing mistakes it for a live count.
            unsafe { p.as_ref().refcnt.set(pending.get() as usize | PENDING_MARK) };
            pending.set(p.as_ptr());
        });
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: count is zero, so nothing else refers to the object.
    unsafe { dealloc_now(p) };
    if depth == 0 {
        while let Some(q) = DEALLOC_PENDING.with(|pending| {
            let q = pending.get();
            if q.is_null() {
                None
            } else {
                // SAFETY: queued objects stay allocated until dealloc_now below; the
                // link was stored in their refcnt field by the push above.
                pending.set(unsafe { (*q).refcnt.get() & !PENDING_MARK } as *const ObjHeader);
                NonNull::new(q as *mut ObjHeader)
            }
        }) {
            // SAFETY: queued objects are dead and owned by the queue alone.
            unsafe {
                q.as_ref().refcnt.set(0);
                dealloc_now(q)
            };
        }
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

/// Runs the payload destructor through the type's layout, then drops the type.
///
/// # Safety
/// `p` must be a live object with reference count zero that nothing will use again.
unsafe fn dealloc_now(p: NonNull<ObjHeader>) {
    // SAFETY: the caller guarantees `p` is live; its type is alive because the object
    // still holds its reference to it (released below, after the payload).
    unsafe {
        let ty = p.as_ref().ty.get();
        let tobj = &(*(ty.as_ptr() as *const PyObj<TypeObject>)).payload;
        if tobj.slots.finalize.get().is_some() && defer_for_finalizer(p) {
            return;
        }
        let layout = tobj.layout();
        if layout.gc && gc_head_of(p).weakly_referenced() {
            clear_weakrefs(p, &|_| false);
        }
        (layout.dealloc)(p);
        drop(ObjRef { ptr: ty });
    }
}

// ---------------------------------------------------------------------------
// Finalizers (`__del__`, CPython's `tp_finalize`, PEP 442).
// ---------------------------------------------------------------------------

/// Work queued by deallocation for the VM's next safe point (destructors have no
/// token, so they can't run Python code).
pub enum Pending {
    /// Run the object's `finalize` slot (`__del__`), then drop the reference.
    Finalize(ObjRef),
    /// The referent of this weak reference died: run its callback with it.
    WeakCallback(ObjRef),
}

/// Objects waiting for their finalizer or weak-reference callback, in the order
/// they were queued, and the addresses of objects whose finalizer has been
/// queued (it runs at most once per object, as in PEP 442).
#[derive(Default)]
struct Finalizers {
    queue: Vec<Pending>,
    finalized: std::collections::HashSet<usize>,
    /// References whose release must wait for a safe point: the old type of an
    /// object whose `__class__` was assigned (a `&TypeObject` from `type_obj()`
    /// may still be borrowed by a caller up the stack).
    deferred: Vec<ObjRef>,
}

thread_local! {
    static FINALIZERS: Cell<Option<Box<Finalizers>>> = const { Cell::new(None) };
    static PENDING_FINALIZERS: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` on this thread's finalizer state (copy-out/copy-in; `f` must not
/// drop objects). `None` during thread teardown.
fn with_finalizers<R>(f: impl FnOnce(&mut Finalizers) -> R) -> Option<R> {
    FINALIZERS
        .try_with(|c| {
            let mut st = c.take().unwrap_or_default();
            let r = f(&mut st);
            PENDING_FINALIZERS.with(|n| n.set(st.queue.len() + st.deferred.len()));
            c.set(Some(st));
            r
        })
        .ok()
}

/// The first time an object whose type has a finalizer dies, it is resurrected
/// (count 1, owned by the queue) to wait for its finalizer; `true` then. The
/// second time it is freed (`false`), whether or not the finalizer resurrected it
/// in between.
fn defer_for_finalizer(p: NonNull<ObjHeader>) -> bool {
    let addr = p.as_ptr() as usize;
    with_finalizers(|st| {
        if st.finalized.insert(addr) {
            // SAFETY: the count just reached zero, so nothing else refers to the
            // object; the queue takes the one new reference.
            unsafe { p.as_ref().refcnt.set(1) };
            st.queue.push(Pending::Finalize(ObjRef { ptr: p }));
            true
        } else {
            st.finalized.remove(&addr);
            false
        }
    })
    .unwrap_or(false)
}

/// Keeps `obj` alive until the VM's next safe point (`take_pending_finalizers`);
/// gives it back during thread teardown.
fn defer_release(obj: ObjRef) -> Result<(), ObjRef> {
    let mut slot = Some(obj);
    with_finalizers(|st| {
        if let Some(o) = slot.take() {
            st.deferred.push(o);
        }
    });
    match slot {
        Some(o) => Err(o),
        None => Ok(()),
    }
}

/// Queues `obj`'s finalizer unless it already ran or is queued (the cycle
/// collector's first step on garbage, PEP 442); returns whether it was queued.
pub(crate) fn queue_finalizer(obj: &ObjRef) -> bool {
    with_finalizers(|st| {
        if st.finalized.insert(obj.id()) {
            st.queue.push(Pending::Finalize(obj.clone()));
            true
        } else {
            false
        }
    })
    .unwrap_or(false)
}

/// Whether `obj`'s finalizer has run or is queued (`gc.is_finalized`, PEP 442's
/// "finalized" flag).
pub fn is_finalized(obj: &ObjRef) -> bool {
    with_finalizers(|st| st.finalized.contains(&obj.id())).unwrap_or(false)
}

/// Whether finalizers or weak-reference callbacks are waiting to run (cheap; the
/// VM checks it at safe points).
#[inline]
pub fn has_pending_finalizers() -> bool {
    PENDING_FINALIZERS.with(Cell::get) != 0
}

/// Takes the objects waiting for their finalizer and the weak references
/// waiting for their callback, in order (the VM runs each, then drops it).
pub fn take_pending_finalizers() -> Vec<Pending> {
    let (queue, deferred) = with_finalizers(|st| {
        (
            std::mem::take(&mut st.queue),
            std::mem::take(&mut st.deferred),
        )
    })
    .unwrap_or_default();
    // The VM calls this at safe points, where no borrowed `&TypeObject` of an
    // object is alive, so deferred references may be released now.
    drop(deferred);
    queue
}

/// The `Layout::dealloc` of payload `T`: unlinks from the GC list and frees.
///
/// # Safety
/// As `dealloc_now`, and the object's payload must be a `T`.
unsafe fn dealloc_impl<T: Payload>(p: NonNull<ObjHeader>) {
    if T::GC {
        // SAFETY: GC objects were allocated as GcBox<T> (see `alloc`) with the header
        // at GC_OFFSET; the list neighbours are live (every node unlinks on dealloc).
        unsafe {
            let b = (p.as_ptr() as *mut u8).sub(GC_OFFSET) as *mut GcBox<T>;
            let node = &(*b).gc;
            let (prev, next) = (node.prev_node(), node.next.get());
            (*prev).next.set(next);
            (*next).set_prev_keep_flags(prev);
            let _ = GC_COUNT.try_with(|c| c.set(c.get() - 1));
            drop(Box::from_raw(b));
        }
    } else {
        // SAFETY: non-GC objects were allocated as Box<PyObj<T>> with the header first.
        unsafe { drop(Box::from_raw(p.as_ptr() as *mut PyObj<T>)) }
    }
}

fn traverse_impl<T: Payload>(obj: &ObjRef, token: &Token, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: this function is only reached through the Layout of T, i.e. for
    // objects whose payload is a T; &obj keeps the object alive.
    let payload = unsafe { &(*(obj.ptr.as_ptr() as *const PyObj<T>)).payload };
    payload.traverse(token, visit)
}

fn clear_impl<T: Payload>(obj: &ObjRef, token: &mut Token) {
    // SAFETY: as in traverse_impl.
    let payload = unsafe { &(*(obj.ptr.as_ptr() as *const PyObj<T>)).payload };
    payload.clear(token)
}

// ---------------------------------------------------------------------------
// Weak references to objects that carry a liveness anchor.
// ---------------------------------------------------------------------------

/// A non-owning reference that can be upgraded while the object lives. The object
/// must own the `Rc<()>` the anchor came from (drops it when freed); for now only
/// type objects have one (for `__subclasses__` and version-tag propagation).
pub struct WeakObj {
    anchor: Weak<()>,
    ptr: NonNull<ObjHeader>,
}

impl WeakObj {
    /// A weak reference to `obj`, whose payload owns `anchor`.
    pub fn new(obj: &ObjRef, anchor: &Rc<()>) -> WeakObj {
        WeakObj {
            anchor: Rc::downgrade(anchor),
            ptr: obj.ptr,
        }
    }

    /// A new strong reference, or `None` once the object is being freed. Taking the
    /// token proves we're not inside a destructor (which could be freeing it).
    pub fn upgrade(&self, _token: &Token) -> Option<ObjRef> {
        if self.anchor.strong_count() == 0 {
            return None;
        }
        // SAFETY: the anchor is alive, so the payload owning it hasn't been dropped
        // and the memory is valid. Code holding the token never runs inside a
        // deallocation, so a zero count here means "never"; we check anyway.
        unsafe {
            let h = self.ptr.as_ref();
            if h.refcnt.get() == 0 || h.refcnt.get() & PENDING_MARK != 0 {
                return None;
            }
            h.refcnt.set(h.refcnt.get() + 1);
        }
        Some(ObjRef { ptr: self.ptr })
    }

    /// Whether the object is still alive.
    pub fn is_alive(&self) -> bool {
        self.anchor.strong_count() > 0
    }

    /// Whether this refers to `obj`.
    pub fn refers_to(&self, obj: &ObjRef) -> bool {
        self.ptr == obj.ptr && self.anchor.strong_count() > 0
    }
}

// ---------------------------------------------------------------------------
// Weak references to any GC object (`weakref.ref`, CPython's `tp_weaklist`).
// ---------------------------------------------------------------------------

/// Where a weak reference sits in its referent's list, which CPython keeps in
/// this order: the basic `ref` (no callback, exact type) first, then the basic
/// proxy, then every other reference, most recent first. Callbacks run in list
/// order; the basic ones are shared by every `ref(obj)` / `proxy(obj)` call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    /// The shared `weakref.ref(obj)` without callback.
    BasicRef,
    /// The shared `weakref.proxy(obj)` without callback.
    BasicProxy,
    /// Any other reference (with a callback, or of a subclass).
    Other,
}

/// One registered weak reference: the weak-reference object, the slot in its
/// payload that points at the referent, and whether it has a callback.
struct WeakEntry {
    wr: NonNull<ObjHeader>,
    slot: NonNull<WeakSlot>,
    kind: WeakKind,
    callback: bool,
}

/// A hasher for object addresses (already unique; mixed so that hashbrown's
/// low-bit bucket choice spreads them).
#[derive(Default)]
struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Referent address -> its weak references (CPython's per-object weak list,
/// kept in a side table so that objects never weakly referenced carry no slot).
type WeakTable =
    std::collections::HashMap<usize, Vec<WeakEntry>, std::hash::BuildHasherDefault<AddrHasher>>;

thread_local! {
    static WEAK_TABLE: Cell<Option<Box<WeakTable>>> = const { Cell::new(None) };
}

/// Runs `f` on this thread's weak-reference table (copy-out/copy-in; `f` must
/// not drop objects). `None` during thread teardown.
fn with_weak_table<R>(f: impl FnOnce(&mut WeakTable) -> R) -> Option<R> {
    WEAK_TABLE
        .try_with(|c| {
            let mut t = c.take().unwrap_or_default();
            let r = f(&mut t);
            c.set(Some(t));
            r
        })
        .ok()
}

/// The referent pointer inside a weak-reference payload (CPython's
/// `wr_object`): set while the referent lives, cleared by the referent's
/// deallocation (or by the cycle collector) before its memory is freed.
///
/// A slot is registered only through [`weak_attach`], which finds it inside a
/// heap object's payload (objects never move), and unregisters itself when that
/// payload is dropped, so the table never points at a dead slot.
pub struct WeakSlot {
    target: Cell<Option<NonNull<ObjHeader>>>,
}

impl WeakSlot {
    /// An unattached (dead) slot.
    pub const fn new() -> WeakSlot {
        WeakSlot {
            target: Cell::new(None),
        }
    }

    /// A new strong reference to the referent, or `None` once it died (calling a
    /// `weakref.ref`). Taking the token proves no deallocation is running.
    pub fn upgrade(&self, _token: &Token) -> Option<ObjRef> {
        let p = self.target.get()?;
        // SAFETY: a set target is a live allocation: the referent's dealloc
        // clears every registered slot before freeing (dealloc_now). A referent
        // whose count reached zero but which waits in the trashcan queue is dead:
        // we don't revive it.
        unsafe {
            let h = p.as_ref();
            let n = h.refcnt.get();
            if n == 0 || n & PENDING_MARK != 0 {
                return None;
            }
            h.refcnt.set(n + 1);
        }
        Some(ObjRef { ptr: p })
    }

    /// Whether the referent is gone (or the slot was never attached).
    pub fn is_dead(&self) -> bool {
        self.target.get().is_none()
    }

    /// The referent's address (`id`) while it lives.
    pub fn target_id(&self) -> Option<usize> {
        self.target.get().map(|p| p.as_ptr() as usize)
    }
}

impl Default for WeakSlot {
    fn default() -> Self {
        WeakSlot::new()
    }
}

impl Drop for WeakSlot {
    fn drop(&mut self) {
        let Some(target) = self.target.take() else {
            return;
        };
        let me = NonNull::from(&*self);
        let key = target.as_ptr() as usize;
        let now_empty = with_weak_table(|t| {
            let Some(list) = t.get_mut(&key) else {
                return false;
            };
            list.retain(|e| e.slot != me);
            if list.is_empty() {
                t.remove(&key);
                true
            } else {
                false
            }
        })
        .unwrap_or(false);
        if now_empty {
            // SAFETY: the slot was set, so the referent is a live GC object
            // (weak_attach accepts only GC objects; its dealloc would have
            // cleared this slot).
            unsafe { gc_head_of(target).set_weakly_referenced(false) };
        }
    }
}

/// Registers `wr` (whose `T` payload holds the slot `slot_of` returns) as a
/// weak reference of kind `kind` to `target`. `false` if `target` can't be
/// weakly referenced (not a GC object), `wr` is not a `T`, the slot is
/// already attached, or it does not lie inside the payload.
///
/// Crate-private: I7 (`docs/internals/unsafe.md`) needs the slot to be dropped
/// with its payload, which `weakref::WeakRefObj` guarantees (a payload could
/// otherwise wrap its slot in `ManuallyDrop`).
pub(crate) fn weak_attach<T: Payload>(
    target: &ObjRef,
    wr: &ObjRef,
    slot_of: fn(&T) -> &WeakSlot,
    kind: WeakKind,
    callback: bool,
) -> bool {
    if !target.is_gc() {
        return false;
    }
    let Some(payload) = wr.downcast::<T>() else {
        return false;
    };
    let slot = slot_of(payload);
    let (start, slot_at) = (
        payload as *const T as usize,
        slot as *const WeakSlot as usize,
    );
    let inside = slot_at >= start && slot_at + size_of::<WeakSlot>() <= start + size_of::<T>();
    if !inside || slot.target.get().is_some() {
        return false;
    }
    slot.target.set(Some(target.ptr));
    let entry = WeakEntry {
        wr: wr.ptr,
        slot: NonNull::from(slot),
        kind,
        callback,
    };
    with_weak_table(|t| {
        let list = t.entry(target.id()).or_default();
        let basics = list
            .iter()
            .take_while(|e| e.kind != WeakKind::Other)
            .count();
        let at = match kind {
            WeakKind::BasicRef => 0,
            WeakKind::BasicProxy => {
                usize::from(list.first().is_some_and(|e| e.kind == WeakKind::BasicRef))
            }
            WeakKind::Other => basics,
        };
        list.insert(at.min(list.len()), entry);
    });
    target.gc_head().set_weakly_referenced(true);
    true
}

/// A new reference to a live weak-reference object from the table, unless it
/// is already dead (count zero, waiting to be freed).
fn revive_entry(e: &WeakEntry) -> Option<ObjRef> {
    // SAFETY: a registered weak-reference object is allocated until its
    // payload's slot unregisters (in its dealloc); a zero or trashcan-marked
    // count means it is being freed, and we don't revive it.
    unsafe {
        let h = e.wr.as_ref();
        let n = h.refcnt.get();
        if n == 0 || n & PENDING_MARK != 0 {
            return None;
        }
        h.refcnt.set(n + 1);
    }
    Some(ObjRef { ptr: e.wr })
}

/// The weak references to `target`, in CPython's list order
/// (`weakref.getweakrefs`); with `kind`, only the basic one of that kind
/// (for sharing, as `weakref.ref(obj) is weakref.ref(obj)`).
pub fn weak_refs_of(_token: &Token, target: &ObjRef, kind: Option<WeakKind>) -> Vec<ObjRef> {
    if !target.is_gc() || !target.gc_head().weakly_referenced() {
        return Vec::new();
    }
    with_weak_table(|t| {
        t.get(&target.id()).map_or_else(Vec::new, |list| {
            list.iter()
                .filter(|e| kind.is_none_or(|k| e.kind == k))
                .filter_map(revive_entry)
                .collect()
        })
    })
    .unwrap_or_default()
}

/// Clears every weak reference to the object at `p` (CPython's
/// `PyObject_ClearWeakRefs` / the collector's `handle_weakrefs`): each slot is
/// emptied and the references with a callback are queued for the VM's next
/// safe point, except those `skip_callback` rejects (the collector skips weak
/// references that are garbage themselves).
fn clear_weakrefs(p: NonNull<ObjHeader>, skip_callback: &dyn Fn(&ObjRef) -> bool) {
    let key = p.as_ptr() as usize;
    let Some(list) = with_weak_table(|t| t.remove(&key)).flatten() else {
        return;
    };
    // SAFETY: the caller passes a GC object that is still allocated.
    unsafe { gc_head_of(p).set_weakly_referenced(false) };
    let mut due = Vec::new();
    for e in &list {
        // SAFETY: registered slots are alive (they unregister when dropped).
        unsafe { e.slot.as_ref().target.set(None) };
        if e.callback {
            if let Some(wr) = revive_entry(e) {
                due.push(wr);
            }
        }
    }
    let mut skipped = Vec::new();
    with_finalizers(|st| {
        for wr in due {
            if skip_callback(&wr) {
                skipped.push(wr);
            } else {
                st.queue.push(Pending::WeakCallback(wr));
            }
        }
    });
    drop(skipped);
}

/// The cycle collector's `handle_weakrefs` for one unreachable object: clears
/// its weak references and queues the callbacks of those that are not garbage
/// themselves (`is_garbage`).
pub(crate) fn gc_clear_weakrefs(obj: &ObjRef, is_garbage: &dyn Fn(&ObjRef) -> bool) {
    if obj.is_gc() && obj.gc_head().weakly_referenced() {
        clear_weakrefs(obj.ptr, is_garbage);
    }
}

// ---------------------------------------------------------------------------
// Cycle collector primitives (the algorithm is in gc.rs).
// ---------------------------------------------------------------------------

/// Number of objects currently tracked by the cycle collector on this thread.
pub fn gc_tracked_count() -> usize {
    GC_COUNT.with(Cell::get)
}

/// New references to every object tracked by the cycle collector on this thread
/// (CPython walks its generation lists the same way).
///
/// Taking the token proves no deallocation is in progress, so the trashcan queue
/// is empty and every listed object has a live count.
pub(crate) fn gc_tracked_objects(_token: &Token) -> Vec<ObjRef> {
    let mut out = Vec::with_capacity(gc_tracked_count());
    gc_list_sentinel(|head| {
        // SAFETY: every node in the list is the GcHead of a live GC object (linked in
        // alloc, unlinked in dealloc); no deallocation happens during this walk
        // because we only increment counts.
        unsafe {
            let mut node = (*head).next.get();
            while node != head {
                let h = (node as *const u8).add(GC_OFFSET) as *mut ObjHeader;
                let h = NonNull::new_unchecked(h);
                let r = h.as_ref();
                // Skip dead objects waiting in the trashcan queue.
                if r.refcnt.get() & PENDING_MARK == 0 {
                    r.refcnt.set(r.refcnt.get() + 1);
                    out.push(ObjRef { ptr: h });
                }
                node = (*node).next.get();
            }
        }
    });
    out
}

impl ObjRef {
    /// The collector's scratch count (CPython's `gc_refs`).
    pub(crate) fn gc_refs(&self) -> &Cell<isize> {
        &self.gc_head().gc_refs
    }

    /// Calls the payload's `clear` (CPython's `tp_clear`).
    pub(crate) fn clear(&self, token: &mut Token) {
        (self.type_obj().layout().clear)(self, token)
    }
}

/// Moves `src[at..]` to the end of `dst`, leaving `src` truncated to `at`
/// (`dst.extend(src.drain(at..))` as one bulk copy: suspending a generator
/// moves its frame's slots off the data stack with this on every `yield`).
/// Does nothing if `at` is past the end.
pub fn move_tail<T>(src: &mut Vec<T>, at: usize, dst: &mut Vec<T>) {
    let Some(n) = src.len().checked_sub(at) else {
        return;
    };
    dst.reserve(n);
    let old = dst.len();
    // SAFETY: `at + n == src.len()`, so the `n` elements at `src[at..]` are
    // initialized, and `reserve` made room for `n` more after `dst[..old]`; the
    // two buffers are distinct allocations (two `&mut Vec`s). The elements are
    // moved bitwise: `src` forgets them (`set_len(at)`) before `dst` owns them
    // (`set_len(old + n)`), and nothing between can panic, so each is owned
    // exactly once.
    unsafe {
        std::ptr::copy_nonoverlapping(src.as_ptr().add(at), dst.as_mut_ptr().add(old), n);
        src.set_len(at);
        dst.set_len(old + n);
    }
}

/// `v.clone()` for a [`Value`]: takes a reference if `v` is a heap object, then
/// copies its two words (the other variants are plain data).
#[inline(always)]
pub fn duplicate_value(v: &Value) -> Value {
    if let Value::Obj(o) = v {
        let h = o.header();
        h.refcnt.set(h.refcnt.get() + 1);
    }
    // SAFETY: `Value`'s variants other than `Obj` hold only plain data
    // (`bool`, `i64`, `f64`), so a bitwise copy is an independent equal value;
    // for `Obj`, the count was just incremented, so the copy owns the new
    // reference (what `ObjRef::clone` does) and the original keeps its own.
    unsafe { std::ptr::read(v) }
}

#[cfg(test)]
mod move_tail_tests {
    use super::move_tail;
    use std::rc::Rc;

    #[test]
    fn moves_the_tail_and_keeps_ownership_single() {
        let marker = Rc::new(());
        let mut src: Vec<Option<Rc<()>>> = vec![None, Some(marker.clone()), Some(marker.clone())];
        let mut dst = vec![Some(marker.clone())];
        move_tail(&mut src, 1, &mut dst);
        assert_eq!(src.len(), 1);
        assert_eq!(dst.len(), 3);
        assert_eq!(Rc::strong_count(&marker), 4);
        drop(src);
        drop(dst);
        assert_eq!(Rc::strong_count(&marker), 1);
    }

    #[test]
    fn past_the_end_and_empty_tails_do_nothing() {
        let mut src = vec![1, 2];
        let mut dst: Vec<i32> = Vec::new();
        move_tail(&mut src, 5, &mut dst);
        move_tail(&mut src, 2, &mut dst);
        assert_eq!((src, dst), (vec![1, 2], vec![]));
    }
}
