//! Opcode numbers as `u8` constants for `match` in the eval loop, from the
//! compiler's single opcode table (checked by a test against it).
#![allow(missing_docs)]

pub const CACHE: u8 = 0;
pub const POP_TOP: u8 = 1;
pub const PUSH_NULL: u8 = 2;
pub const NOP: u8 = 9;
pub const UNARY_POSITIVE: u8 = 10;
pub const UNARY_NEGATIVE: u8 = 11;
pub const UNARY_NOT: u8 = 12;
pub const UNARY_INVERT: u8 = 15;
pub const BINARY_SUBSCR: u8 = 25;
pub const GET_LEN: u8 = 30;
pub const MATCH_MAPPING: u8 = 31;
pub const MATCH_SEQUENCE: u8 = 32;
pub const MATCH_KEYS: u8 = 33;
pub const PUSH_EXC_INFO: u8 = 35;
pub const CHECK_EXC_MATCH: u8 = 36;
pub const CHECK_EG_MATCH: u8 = 37;
pub const WITH_EXCEPT_START: u8 = 49;
pub const GET_AITER: u8 = 50;
pub const GET_ANEXT: u8 = 51;
pub const BEFORE_ASYNC_WITH: u8 = 52;
pub const BEFORE_WITH: u8 = 53;
pub const END_ASYNC_FOR: u8 = 54;
pub const STORE_SUBSCR: u8 = 60;
pub const DELETE_SUBSCR: u8 = 61;
pub const GET_ITER: u8 = 68;
pub const GET_YIELD_FROM_ITER: u8 = 69;
pub const PRINT_EXPR: u8 = 70;
pub const LOAD_BUILD_CLASS: u8 = 71;
pub const LOAD_ASSERTION_ERROR: u8 = 74;
pub const RETURN_GENERATOR: u8 = 75;
pub const LIST_TO_TUPLE: u8 = 82;
pub const RETURN_VALUE: u8 = 83;
pub const IMPORT_STAR: u8 = 84;
pub const SETUP_ANNOTATIONS: u8 = 85;
pub const YIELD_VALUE: u8 = 86;
pub const ASYNC_GEN_WRAP: u8 = 87;
pub const PREP_RERAISE_STAR: u8 = 88;
pub const POP_EXCEPT: u8 = 89;
pub const STORE_NAME: u8 = 90;
pub const DELETE_NAME: u8 = 91;
pub const UNPACK_SEQUENCE: u8 = 92;
pub const FOR_ITER: u8 = 93;
pub const UNPACK_EX: u8 = 94;
pub const STORE_ATTR: u8 = 95;
pub const DELETE_ATTR: u8 = 96;
pub const STORE_GLOBAL: u8 = 97;
pub const DELETE_GLOBAL: u8 = 98;
pub const SWAP: u8 = 99;
pub const LOAD_CONST: u8 = 100;
pub const LOAD_NAME: u8 = 101;
pub const BUILD_TUPLE: u8 = 102;
pub const BUILD_LIST: u8 = 103;
pub const BUILD_SET: u8 = 104;
pub const BUILD_MAP: u8 = 105;
pub const LOAD_ATTR: u8 = 106;
pub const COMPARE_OP: u8 = 107;
pub const IMPORT_NAME: u8 = 108;
pub const IMPORT_FROM: u8 = 109;
pub const JUMP_FORWARD: u8 = 110;
pub const JUMP_IF_FALSE_OR_POP: u8 = 111;
pub const JUMP_IF_TRUE_OR_POP: u8 = 112;
pub const POP_JUMP_FORWARD_IF_FALSE: u8 = 114;
pub const POP_JUMP_FORWARD_IF_TRUE: u8 = 115;
pub const LOAD_GLOBAL: u8 = 116;
pub const IS_OP: u8 = 117;
pub const CONTAINS_OP: u8 = 118;
pub const RERAISE: u8 = 119;
pub const COPY: u8 = 120;
pub const BINARY_OP: u8 = 122;
pub const SEND: u8 = 123;
pub const LOAD_FAST: u8 = 124;
pub const STORE_FAST: u8 = 125;
pub const DELETE_FAST: u8 = 126;
pub const POP_JUMP_FORWARD_IF_NOT_NONE: u8 = 128;
pub const POP_JUMP_FORWARD_IF_NONE: u8 = 129;
pub const RAISE_VARARGS: u8 = 130;
pub const GET_AWAITABLE: u8 = 131;
pub const MAKE_FUNCTION: u8 = 132;
pub const BUILD_SLICE: u8 = 133;
pub const JUMP_BACKWARD_NO_INTERRUPT: u8 = 134;
pub const MAKE_CELL: u8 = 135;
pub const LOAD_CLOSURE: u8 = 136;
pub const LOAD_DEREF: u8 = 137;
pub const STORE_DEREF: u8 = 138;
pub const DELETE_DEREF: u8 = 139;
pub const JUMP_BACKWARD: u8 = 140;
pub const CALL_FUNCTION_EX: u8 = 142;
pub const EXTENDED_ARG: u8 = 144;
pub const LIST_APPEND: u8 = 145;
pub const SET_ADD: u8 = 146;
pub const MAP_ADD: u8 = 147;
pub const LOAD_CLASSDEREF: u8 = 148;
pub const COPY_FREE_VARS: u8 = 149;
pub const RESUME: u8 = 151;
pub const MATCH_CLASS: u8 = 152;
pub const FORMAT_VALUE: u8 = 155;
pub const BUILD_CONST_KEY_MAP: u8 = 156;
pub const BUILD_STRING: u8 = 157;
pub const LOAD_METHOD: u8 = 160;
pub const LIST_EXTEND: u8 = 162;
pub const SET_UPDATE: u8 = 163;
pub const DICT_MERGE: u8 = 164;
pub const DICT_UPDATE: u8 = 165;
pub const PRECALL: u8 = 166;
pub const CALL: u8 = 171;
pub const KW_NAMES: u8 = 172;
pub const POP_JUMP_BACKWARD_IF_NOT_NONE: u8 = 173;
pub const POP_JUMP_BACKWARD_IF_NONE: u8 = 174;
pub const POP_JUMP_BACKWARD_IF_FALSE: u8 = 175;
pub const POP_JUMP_BACKWARD_IF_TRUE: u8 = 176;

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_match_the_opcode_table() {
        use compiler::opcode::Opcode;
        assert_eq!(Opcode::CACHE as u8, super::CACHE);
        assert_eq!(Opcode::POP_TOP as u8, super::POP_TOP);
        assert_eq!(Opcode::PUSH_NULL as u8, super::PUSH_NULL);
        assert_eq!(Opcode::NOP as u8, super::NOP);
        assert_eq!(Opcode::UNARY_POSITIVE as u8, super::UNARY_POSITIVE);
        assert_eq!(Opcode::UNARY_NEGATIVE as u8, super::UNARY_NEGATIVE);
        assert_eq!(Opcode::UNARY_NOT as u8, super::UNARY_NOT);
        assert_eq!(Opcode::UNARY_INVERT as u8, super::UNARY_INVERT);
        assert_eq!(Opcode::BINARY_SUBSCR as u8, super::BINARY_SUBSCR);
        assert_eq!(Opcode::GET_LEN as u8, super::GET_LEN);
        assert_eq!(Opcode::MATCH_MAPPING as u8, super::MATCH_MAPPING);
        assert_eq!(Opcode::MATCH_SEQUENCE as u8, super::MATCH_SEQUENCE);
        assert_eq!(Opcode::MATCH_KEYS as u8, super::MATCH_KEYS);
        assert_eq!(Opcode::PUSH_EXC_INFO as u8, super::PUSH_EXC_INFO);
        assert_eq!(Opcode::CHECK_EXC_MATCH as u8, super::CHECK_EXC_MATCH);
        assert_eq!(Opcode::CHECK_EG_MATCH as u8, super::CHECK_EG_MATCH);
        assert_eq!(Opcode::WITH_EXCEPT_START as u8, super::WITH_EXCEPT_START);
        assert_eq!(Opcode::GET_AITER as u8, super::GET_AITER);
        assert_eq!(Opcode::GET_ANEXT as u8, super::GET_ANEXT);
        assert_eq!(Opcode::BEFORE_ASYNC_WITH as u8, super::BEFORE_ASYNC_WITH);
        assert_eq!(Opcode::BEFORE_WITH as u8, super::BEFORE_WITH);
        assert_eq!(Opcode::END_ASYNC_FOR as u8, super::END_ASYNC_FOR);
        assert_eq!(Opcode::STORE_SUBSCR as u8, super::STORE_SUBSCR);
        assert_eq!(Opcode::DELETE_SUBSCR as u8, super::DELETE_SUBSCR);
        assert_eq!(Opcode::GET_ITER as u8, super::GET_ITER);
        assert_eq!(
            Opcode::GET_YIELD_FROM_ITER as u8,
            super::GET_YIELD_FROM_ITER
        );
        assert_eq!(Opcode::PRINT_EXPR as u8, super::PRINT_EXPR);
        assert_eq!(Opcode::LOAD_BUILD_CLASS as u8, super::LOAD_BUILD_CLASS);
        assert_eq!(
            Opcode::LOAD_ASSERTION_ERROR as u8,
            super::LOAD_ASSERTION_ERROR
        );
        assert_eq!(Opcode::RETURN_GENERATOR as u8, super::RETURN_GENERATOR);
        assert_eq!(Opcode::LIST_TO_TUPLE as u8, super::LIST_TO_TUPLE);
        assert_eq!(Opcode::RETURN_VALUE as u8, super::RETURN_VALUE);
        assert_eq!(Opcode::IMPORT_STAR as u8, super::IMPORT_STAR);
        assert_eq!(Opcode::SETUP_ANNOTATIONS as u8, super::SETUP_ANNOTATIONS);
        assert_eq!(Opcode::YIELD_VALUE as u8, super::YIELD_VALUE);
        assert_eq!(Opcode::ASYNC_GEN_WRAP as u8, super::ASYNC_GEN_WRAP);
        assert_eq!(Opcode::PREP_RERAISE_STAR as u8, super::PREP_RERAISE_STAR);
        assert_eq!(Opcode::POP_EXCEPT as u8, super::POP_EXCEPT);
        assert_eq!(Opcode::STORE_NAME as u8, super::STORE_NAME);
        assert_eq!(Opcode::DELETE_NAME as u8, super::DELETE_NAME);
        assert_eq!(Opcode::UNPACK_SEQUENCE as u8, super::UNPACK_SEQUENCE);
        assert_eq!(Opcode::FOR_ITER as u8, super::FOR_ITER);
        assert_eq!(Opcode::UNPACK_EX as u8, super::UNPACK_EX);
        assert_eq!(Opcode::STORE_ATTR as u8, super::STORE_ATTR);
        assert_eq!(Opcode::DELETE_ATTR as u8, super::DELETE_ATTR);
        assert_eq!(Opcode::STORE_GLOBAL as u8, super::STORE_GLOBAL);
        assert_eq!(Opcode::DELETE_GLOBAL as u8, super::DELETE_GLOBAL);
        assert_eq!(Opcode::SWAP as u8, super::SWAP);
        assert_eq!(Opcode::LOAD_CONST as u8, super::LOAD_CONST);
        assert_eq!(Opcode::LOAD_NAME as u8, super::LOAD_NAME);
        assert_eq!(Opcode::BUILD_TUPLE as u8, super::BUILD_TUPLE);
        assert_eq!(Opcode::BUILD_LIST as u8, super::BUILD_LIST);
        assert_eq!(Opcode::BUILD_SET as u8, super::BUILD_SET);
        assert_eq!(Opcode::BUILD_MAP as u8, super::BUILD_MAP);
        assert_eq!(Opcode::LOAD_ATTR as u8, super::LOAD_ATTR);
        assert_eq!(Opcode::COMPARE_OP as u8, super::COMPARE_OP);
        assert_eq!(Opcode::IMPORT_NAME as u8, super::IMPORT_NAME);
        assert_eq!(Opcode::IMPORT_FROM as u8, super::IMPORT_FROM);
        assert_eq!(Opcode::JUMP_FORWARD as u8, super::JUMP_FORWARD);
        assert_eq!(
            Opcode::JUMP_IF_FALSE_OR_POP as u8,
            super::JUMP_IF_FALSE_OR_POP
        );
        assert_eq!(
            Opcode::JUMP_IF_TRUE_OR_POP as u8,
            super::JUMP_IF_TRUE_OR_POP
        );
        assert_eq!(
            Opcode::POP_JUMP_FORWARD_IF_FALSE as u8,
            super::POP_JUMP_FORWARD_IF_FALSE
        );
        assert_eq!(
            Opcode::POP_JUMP_FORWARD_IF_TRUE as u8,
            super::POP_JUMP_FORWARD_IF_TRUE
        );
        assert_eq!(Opcode::LOAD_GLOBAL as u8, super::LOAD_GLOBAL);
        assert_eq!(Opcode::IS_OP as u8, super::IS_OP);
        assert_eq!(Opcode::CONTAINS_OP as u8, super::CONTAINS_OP);
        assert_eq!(Opcode::RERAISE as u8, super::RERAISE);
        assert_eq!(Opcode::COPY as u8, super::COPY);
        assert_eq!(Opcode::BINARY_OP as u8, super::BINARY_OP);
        assert_eq!(Opcode::SEND as u8, super::SEND);
        assert_eq!(Opcode::LOAD_FAST as u8, super::LOAD_FAST);
        assert_eq!(Opcode::STORE_FAST as u8, super::STORE_FAST);
        assert_eq!(Opcode::DELETE_FAST as u8, super::DELETE_FAST);
        assert_eq!(
            Opcode::POP_JUMP_FORWARD_IF_NOT_NONE as u8,
            super::POP_JUMP_FORWARD_IF_NOT_NONE
        );
        assert_eq!(
            Opcode::POP_JUMP_FORWARD_IF_NONE as u8,
            super::POP_JUMP_FORWARD_IF_NONE
        );
        assert_eq!(Opcode::RAISE_VARARGS as u8, super::RAISE_VARARGS);
        assert_eq!(Opcode::GET_AWAITABLE as u8, super::GET_AWAITABLE);
        assert_eq!(Opcode::MAKE_FUNCTION as u8, super::MAKE_FUNCTION);
        assert_eq!(Opcode::BUILD_SLICE as u8, super::BUILD_SLICE);
        assert_eq!(
            Opcode::JUMP_BACKWARD_NO_INTERRUPT as u8,
            super::JUMP_BACKWARD_NO_INTERRUPT
        );
        assert_eq!(Opcode::MAKE_CELL as u8, super::MAKE_CELL);
        assert_eq!(Opcode::LOAD_CLOSURE as u8, super::LOAD_CLOSURE);
        assert_eq!(Opcode::LOAD_DEREF as u8, super::LOAD_DEREF);
        assert_eq!(Opcode::STORE_DEREF as u8, super::STORE_DEREF);
        assert_eq!(Opcode::DELETE_DEREF as u8, super::DELETE_DEREF);
        assert_eq!(Opcode::JUMP_BACKWARD as u8, super::JUMP_BACKWARD);
        assert_eq!(Opcode::CALL_FUNCTION_EX as u8, super::CALL_FUNCTION_EX);
        assert_eq!(Opcode::EXTENDED_ARG as u8, super::EXTENDED_ARG);
        assert_eq!(Opcode::LIST_APPEND as u8, super::LIST_APPEND);
        assert_eq!(Opcode::SET_ADD as u8, super::SET_ADD);
        assert_eq!(Opcode::MAP_ADD as u8, super::MAP_ADD);
        assert_eq!(Opcode::LOAD_CLASSDEREF as u8, super::LOAD_CLASSDEREF);
        assert_eq!(Opcode::COPY_FREE_VARS as u8, super::COPY_FREE_VARS);
        assert_eq!(Opcode::RESUME as u8, super::RESUME);
        assert_eq!(Opcode::MATCH_CLASS as u8, super::MATCH_CLASS);
        assert_eq!(Opcode::FORMAT_VALUE as u8, super::FORMAT_VALUE);
        assert_eq!(
            Opcode::BUILD_CONST_KEY_MAP as u8,
            super::BUILD_CONST_KEY_MAP
        );
        assert_eq!(Opcode::BUILD_STRING as u8, super::BUILD_STRING);
        assert_eq!(Opcode::LOAD_METHOD as u8, super::LOAD_METHOD);
        assert_eq!(Opcode::LIST_EXTEND as u8, super::LIST_EXTEND);
        assert_eq!(Opcode::SET_UPDATE as u8, super::SET_UPDATE);
        assert_eq!(Opcode::DICT_MERGE as u8, super::DICT_MERGE);
        assert_eq!(Opcode::DICT_UPDATE as u8, super::DICT_UPDATE);
        assert_eq!(Opcode::PRECALL as u8, super::PRECALL);
        assert_eq!(Opcode::CALL as u8, super::CALL);
        assert_eq!(Opcode::KW_NAMES as u8, super::KW_NAMES);
        assert_eq!(
            Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE as u8,
            super::POP_JUMP_BACKWARD_IF_NOT_NONE
        );
        assert_eq!(
            Opcode::POP_JUMP_BACKWARD_IF_NONE as u8,
            super::POP_JUMP_BACKWARD_IF_NONE
        );
        assert_eq!(
            Opcode::POP_JUMP_BACKWARD_IF_FALSE as u8,
            super::POP_JUMP_BACKWARD_IF_FALSE
        );
        assert_eq!(
            Opcode::POP_JUMP_BACKWARD_IF_TRUE as u8,
            super::POP_JUMP_BACKWARD_IF_TRUE
        );
    }
}
