package org.luodi.query.targets;

/**
 * What a target is set for: a township (乡镇、街道、园区), an industry chain (产业链), a department (部门单位, 附件2), the
 * 市招商服务中心 as a unit that reports leads itself (unit code "center"), or the county as a whole (the 项目信息 targets
 * of #20, unit code "county").
 */
public enum UnitKind {
    TOWNSHIP("township"), CHAIN("chain"), DEPARTMENT("department"), CENTER("center"), COUNTY("county");

    private final String code;

    UnitKind(String code) {
        this.code = code;
    }

    /** As stored in {@code target.unit_kind} and shown in JSON. */
    public String code() {
        return code;
    }
}
