"""Krait's `_krait_importlib`: the Python-visible objects of the import system
(what `importlib._bootstrap` defines in CPython): ModuleSpec, the builtin importer,
the path finder and the source loader. The machinery itself is native
(crates/vm/src/import); `_path_find_spec`, `_exec_source` and `_create_builtin`
are its entry points, put in this module's namespace before this code runs."""


class ModuleSpec:
    """The import-system metadata of a module (importlib.machinery.ModuleSpec)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self.cached = None
        self._initializing = False

    def __repr__(self):
        args = ['name={!r}'.format(self.name), 'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'.format(
                self.submodule_search_locations))
        return 'ModuleSpec({})'.format(', '.join(args))

    @property
    def parent(self):
        """The name of the package the module belongs to."""
        if self.submodule_search_locations is None:
            return '.'.join(self.name.split('.')[:-1])
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr


class BuiltinImporter:
    """Finds and creates the native modules compiled into Krait."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        if _create_builtin(fullname) is None:
            return None
        return ModuleSpec(fullname, cls, origin='built-in')

    @staticmethod
    def create_module(spec):
        return _create_builtin(spec.name)

    @staticmethod
    def exec_module(module):
        pass


class PathFinder:
    """Finds modules and packages on sys.path or a package's __path__."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return _path_find_spec(fullname, path)

    @classmethod
    def invalidate_caches(cls):
        pass


class SourceFileLoader:
    """Loads a module from a .py file, through the .pyc cache in __pycache__."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (type(self) == type(other) and
                self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _exec_source(module, self.path)

    def get_filename(self, name=None):
        return self.path

    def is_package(self, fullname):
        return self.path.split('/')[-1].split('.')[0] == '__init__'


class NamespaceLoader:
    """The loader of a namespace package (a directory without __init__.py)."""

    def __init__(self, name, path):
        self._path = path

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass

    def is_package(self, fullname):
        return True


# The namespaces whose repr is being computed (a recursive one shows as
# `namespace(...)`, as CPython's `Py_ReprEnter` makes it).
_namespace_reprs = set()


class SimpleNamespace:
    """`types.SimpleNamespace` (CPython's `_PyNamespace_Type`): attributes
    from keyword arguments, `namespace(a=1, b=2)` as its repr; `types` takes
    it from `type(sys.implementation)`."""

    __module__ = 'types'

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _namespace_reprs:
            return name + '(...)'
        _namespace_reprs.add(key)
        try:
            items = ', '.join('{}={!r}'.format(k, v) for k, v in self.__dict__.items())
        finally:
            _namespace_reprs.discard(key)
        return '{}({})'.format(name, items)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), self.__dict__)


def _Implementation(version):
    """`sys.implementation`: `cache_tag` names the files of `__pycache__`."""
    return SimpleNamespace(name='krait', cache_tag='krait-311', version=version,
                           hexversion=0x030b07f0, _multiarch='x86_64-linux-gnu')


# What `importlib` (Lib/importlib/__init__.py, machinery.py) takes from
# `_frozen_importlib` and `_frozen_importlib_external`: this module is
# registered under both names.

class FrozenImporter:
    """Krait has no frozen modules."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class _StubLoader:
    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path


class SourcelessFileLoader(_StubLoader):
    """Not supported by Krait's import system (no .pyc-only modules)."""


class ExtensionFileLoader(_StubLoader):
    """Krait cannot load C extensions."""


class FileFinder:
    """The per-directory finder (the native path search does its work)."""

    def __init__(self, path, *loader_details):
        self.path = path or '.'

    def find_spec(self, fullname, target=None):
        return _path_find_spec(fullname, [self.path])

    def invalidate_caches(self):
        pass


class WindowsRegistryFinder:
    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = ['.pyc']
OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []


# CPython 3.11's bytecode magic: Krait's cache files are 3.11 .pyc files.
MAGIC_NUMBER = (3495).to_bytes(2, 'little') + b'\r\n'
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')


def decode_source(source_bytes):
    """Source bytes as text: the PEP 263 encoding, universal newlines."""
    import io, tokenize
    encoding = tokenize.detect_encoding(io.BytesIO(source_bytes).readline)[0]
    decoder = io.IncrementalNewlineDecoder(None, True)
    return decoder.decode(source_bytes.decode(encoding))


def source_from_cache(path):
    """The .py file a __pycache__ file caches (PEP 3147/488 names)."""
    import os, sys
    if sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    path = os.fspath(path)
    head, filename = os.path.split(path)
    head, pycache = os.path.split(head)
    if pycache != '__pycache__':
        raise ValueError(f'__pycache__ not bottom-level directory in {path!r}')
    dots = filename.count('.')
    if dots not in {2, 3}:
        raise ValueError(f'expected only 2 or 3 dots in {filename!r}')
    if dots == 3:
        opt = filename.rsplit('.', 2)[-2]
        if not opt.startswith('opt-'):
            raise ValueError("optimization portion of filename does not start "
                             "with 'opt-'")
        if not opt[4:].isalnum():
            raise ValueError(f"optimization level {opt!r} is not an "
                             "alphanumeric value")
    return os.path.join(head, filename.partition('.')[0] + SOURCE_SUFFIXES[0])


def _pack_uint32(x):
    return (int(x) & 0xFFFFFFFF).to_bytes(4, 'little')


def _unpack_uint32(data):
    return int.from_bytes(data, 'little')


def _resolve_name(name, package, level):
    return _resolve(name, package, level)


def _find_spec(name, path, target=None):
    return _find_spec_native(name, path)


def _exec(spec, module):
    """Executes the spec's module in the existing module object `module`
    (importlib._bootstrap._exec, what importlib.reload runs)."""
    import sys
    name = spec.name
    if sys.modules.get(name) is not module:
        msg = 'module {!r} not in sys.modules'.format(name)
        raise ImportError(msg, name=name)
    try:
        if spec.loader is None:
            if spec.submodule_search_locations is None:
                raise ImportError('missing loader', name=spec.name)
            _init_module_attrs(spec, module, override=True)
        else:
            _init_module_attrs(spec, module, override=True)
            if not hasattr(spec.loader, 'exec_module'):
                msg = ('{}.exec_module() not found; falling back to '
                       'load_module()'.format(type(spec.loader).__qualname__))
                import warnings
                warnings.warn(msg, ImportWarning)
                spec.loader.load_module(name)
            else:
                spec.loader.exec_module(module)
    finally:
        # The module may have replaced itself in sys.modules.
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    return module


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    spec = ModuleSpec(name, loader, origin=origin, is_package=is_package)
    return spec


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=None):
    if loader is None:
        loader = SourceFileLoader(name, location)
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if submodule_search_locations is not None:
        spec.submodule_search_locations = submodule_search_locations
    spec.cached = cache_from_source(location)
    return spec


def module_from_spec(spec):
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() '
                          'must also define create_module()')
    if module is None:
        module = _new_module(spec.name)
    _init_module_attrs(spec, module)
    return module


def _init_module_attrs(spec, module, override=False):
    return _init_attrs(spec, module)


__import__ = __import__
