package org.luodi.query.web;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.events.Departments;
import org.luodi.events.Leaders;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What the web UI needs before it can draw anything: who signed in (the login page checks the password by calling
 * this), and the code lists of its selects. Townships and chains are public reference data (SPEC §2), in the order
 * of the seed's 附件1 table.
 */
@RestController
public class MeController {
    private final ReferenceData reference;

    public MeController(ReferenceData reference) {
        this.reference = reference;
    }

    public record Me(String username, String role, String township, String townshipName, String department,
                     String departmentName, String leader, String leaderName) {
    }

    public record Reference(List<ReferenceData.Township> townships, List<ReferenceData.IndustryChain> chains,
                            List<Departments.Department> departments, List<Leaders.Leader> leaders) {
    }

    @Operation(summary = "Who is signed in: username, role and township")
    @GetMapping("/api/me")
    public Me me() {
        LuodiUser user = LuodiUser.current();
        ReferenceData.Township township = user.township() == null ? null : reference.township(user.township());
        return new Me(user.username(), user.role().name(), user.township(), township == null ? null : township.name(),
                user.department(), user.department() == null ? null : Departments.nameOf(user.department()),
                user.leader(), user.leader() == null ? null : Leaders.of(user.leader()).label());
    }

    @Operation(summary = "The township, industry chain, department and 包保 leader code lists")
    @GetMapping("/api/ui/reference")
    public Reference reference() {
        return new Reference(reference.townships(), reference.chains(), reference.departments(), Leaders.all());
    }
}
